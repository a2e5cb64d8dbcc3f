using System.IO.Hashing;
using System.Text;

namespace Digest.Writing;

/// <summary>
/// <c>.digest-manifest</c> in the output folder: every file the last build wrote there, so that the next one deletes
/// those and nothing else. Its first line carries a hash of the rest; a manifest that does not match it was changed
/// by hand or cut short, and is not trusted. Paths are one per line, '/'-separated, with '%', CR and LF escaped.
/// </summary>
internal static class OutputManifest
{
    public const string FileName = ".digest-manifest";
    private const string Magic = "digest-manifest 1 ";

    /// <summary>The files the manifest lists; null when there is none; <paramref name="damaged"/> when it cannot be trusted.</summary>
    public static HashSet<string>? Read(string outputFolder, out bool damaged)
    {
        damaged = false;
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path) || new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            return null;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var body = newline < 0 ? "" : text[(newline + 1)..];
        if (newline < 0 || text[..newline] != Magic + Hash(body))
        {
            damaged = true;
            return null;
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = Unescape(line);
            if (!IsSafe(file))
            {
                damaged = true;
                return null;
            }

            files.Add(file);
        }

        return files;
    }

    /// <summary>The manifest of <paramref name="files"/>, sorted, as bytes to write.</summary>
    public static byte[] Format(IEnumerable<string> files)
    {
        var body = new StringBuilder();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            body.Append(Escape(file)).Append('\n');
        }

        var text = body.ToString();
        return Encoding.UTF8.GetBytes(Magic + Hash(text) + "\n" + text);
    }

    /// <summary>A relative path that stays inside the folder: no '..', no root, no empty part.</summary>
    private static bool IsSafe(string file) =>
        file.Length > 0 && !file.StartsWith('/') && !file.Contains('\\', StringComparison.Ordinal)
        && file.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    private static string Hash(string body) => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(body)));

    private static string Escape(string file) =>
        file.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Unescape(string line)
    {
        if (!line.Contains('%', StringComparison.Ordinal))
        {
            return line;
        }

        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var escape = line[i] == '%' && i + 2 < line.Length ? line.Substring(i, 3) : null;
            var (replacement, skip) = escape switch
            {
                "%25" => ('%', 2),
                "%0D" => ('\r', 2),
                "%0A" => ('\n', 2),
                _ => (line[i], 0),
            };
            text.Append(replacement);
            i += skip;
        }

        return text.ToString();
    }
}
