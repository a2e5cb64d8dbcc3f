using System.Reflection;

namespace Digest.Templates;

/// <summary>
/// The theme's files: the site's own <c>theme/</c> folder overrides the built-in theme (embedded in the tool) file by file.
/// Names are relative to the theme root with '/' separators, e.g. <c>layouts/article.html</c>.
/// </summary>
public sealed class Theme
{
    private const string ResourcePrefix = "theme/";
    private static readonly Assembly ResourceAssembly = typeof(Theme).Assembly;

    private readonly string? _siteThemeDirectory;
    private readonly SortedSet<string> _builtInNames;

    public Theme(string? siteThemeDirectory)
    {
        _siteThemeDirectory = siteThemeDirectory is not null && Directory.Exists(siteThemeDirectory) ? siteThemeDirectory : null;
        _builtInNames = new SortedSet<string>(
            ResourceAssembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                .Select(n => n[ResourcePrefix.Length..].Replace('\\', '/')),
            StringComparer.Ordinal);
        FileNames = ListFileNames(_builtInNames, _siteThemeDirectory);
    }

    /// <summary>Every file name of the theme, built-in and overridden, sorted; listed once, when the theme is opened for a build.</summary>
    public IReadOnlyList<string> FileNames { get; }

    private static List<string> ListFileNames(SortedSet<string> builtInNames, string? siteThemeDirectory)
    {
        var names = new SortedSet<string>(builtInNames, StringComparer.Ordinal);
        if (siteThemeDirectory is not null)
        {
            foreach (var file in Directory.EnumerateFiles(siteThemeDirectory, "*", SearchOption.AllDirectories))
            {
                names.Add(Path.GetRelativePath(siteThemeDirectory, file).Replace('\\', '/'));
            }
        }

        return [.. names];
    }

    public bool Exists(string name) => SitePath(name) is not null || _builtInNames.Contains(name);

    /// <summary>Where a file comes from, for messages: <c>theme/layouts/x.html</c> or <c>theme/layouts/x.html (built-in)</c>.</summary>
    public string DisplayPath(string name) => SitePath(name) is not null ? "theme/" + name : "theme/" + name + " (built-in)";

    public byte[] ReadBytes(string name)
    {
        if (SitePath(name) is { } path)
        {
            return File.ReadAllBytes(path);
        }

        using var stream = ResourceAssembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? ResourceAssembly.GetManifestResourceStream(ResourcePrefix + name.Replace('/', '\\'))
            ?? throw new FileNotFoundException($"The theme has no file {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public string ReadText(string name) => System.Text.Encoding.UTF8.GetString(ReadBytes(name)).Replace("\r\n", "\n");

    private string? SitePath(string name)
    {
        if (_siteThemeDirectory is null || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(_siteThemeDirectory, name);
        return File.Exists(path) ? path : null;
    }
}
