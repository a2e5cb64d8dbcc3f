using System.Text;
using System.Text.RegularExpressions;
using Digest.Build;

namespace Digest.Testing;

/// <summary>
/// A small site written from one string in Hugo's style: each file starts with a <c>-- path --</c> line.
/// The site lives in a temp folder with its output beside it; both go on dispose.
/// </summary>
public sealed partial class InlineSite : IDisposable
{
    private readonly TempFolder _folder = new();

    public InlineSite(string files)
    {
        SiteDirectory = _folder.Combine("site");
        OutputDirectory = _folder.Combine("output");
        Directory.CreateDirectory(SiteDirectory);
        string? path = null;
        var content = new StringBuilder();
        foreach (var line in files.ReplaceLineEndings("\n").Split('\n'))
        {
            var header = Header().Match(line);
            if (header.Success)
            {
                Flush();
                path = header.Groups["path"].Value;
                content.Clear();
            }
            else if (path is not null)
            {
                content.Append(line).Append('\n');
            }
            else if (line.Trim().Length > 0)
            {
                throw new ArgumentException($"Text before the first '-- path --' line: {line}", nameof(files));
            }
        }

        Flush();

        void Flush()
        {
            if (path is not null)
            {
                Write(path, content.ToString().TrimEnd('\n') + "\n");
            }
        }
    }

    public string SiteDirectory { get; }
    public string OutputDirectory { get; }

    public void Write(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(SiteDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public BuildResult Build(string? baseUrl = null) => TestBuild.Run(SiteDirectory, OutputDirectory, baseUrl);

    public BuildResult Build(Func<BuildOptions, BuildOptions> adjust) => SiteBuilder.Build(adjust(TestBuild.Options(SiteDirectory, OutputDirectory)));

    public BuildResult BuildOk(string? baseUrl = null) => TestBuild.Succeed(SiteDirectory, OutputDirectory, baseUrl);

    public string Output(string path) => File.ReadAllText(Path.Combine(OutputDirectory, path));

    public bool OutputExists(string path) => File.Exists(Path.Combine(OutputDirectory, path));

    /// <summary>Every output file as (relative path, text).</summary>
    public IEnumerable<(string Path, string Text)> AllOutput() =>
        Directory.EnumerateFiles(OutputDirectory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(OutputDirectory, f).Replace('\\', '/'), File.ReadAllText(f)));

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^-- (?<path>\S+) --$")]
    private static partial Regex Header();
}
