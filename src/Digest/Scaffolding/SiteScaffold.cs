using System.Globalization;
using System.Reflection;
using System.Text;
using Digest.Diagnostics;

namespace Digest.Scaffolding;

/// <summary>
/// <c>digest init</c>: writes a new site that builds at once — a commented digest.yml, one example article, a note on
/// overriding the theme, a .gitignore and the GitHub Pages workflow — and never overwrites a file that exists.
/// The files are embedded resources under <c>scaffold/</c>; the workflow is the repository's own.
/// </summary>
public static class SiteScaffold
{
    private const string ResourcePrefix = "scaffold/";
    private const string ArticlePath = "input/articles/welcome.md";
    private static readonly Assembly ResourceAssembly = typeof(SiteScaffold).Assembly;

    /// <summary>Every file of a new site, by site-relative path, with the example article dated <paramref name="today"/>.</summary>
    public static IReadOnlyList<(string Path, string Content)> Files(DateOnly today) =>
        [.. ResourceAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var path = n[ResourcePrefix.Length..];
                var content = Read(n);
                return (path, path == ArticlePath
                    ? content.Replace("{{date}}", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    : content);
            })];

    /// <summary>Writes the files into <paramref name="directory"/>; when any of them exists, writes nothing and says which.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> CreateAsync(string directory, DateOnly today, CancellationToken cancellationToken = default)
    {
        var files = Files(today);
        var existing = files.Where(f => File.Exists(Path.Combine(directory, f.Path)) || Directory.Exists(Path.Combine(directory, f.Path))).ToList();
        if (existing.Count > 0)
        {
            return [.. existing.Select(f => new Diagnostic(Path.Combine(directory, f.Path).Replace('\\', '/'), 0, 0, Severity.Error,
                DiagnosticCodes.WouldOverwrite,
                "this file already exists, and digest init never overwrites. Nothing was written; run init in an empty folder, or move the file away."))];
        }

        foreach (var (path, content) in files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }

        return [];
    }

    private static string Read(string resourceName)
    {
        using var stream = ResourceAssembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
