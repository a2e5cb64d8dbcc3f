using System.Reflection;
using Digest.Diagnostics;
using Digest.Files;

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
    /// <summary>The files of the site's theme folder that may be read: none reached through a link that is skipped.</summary>
    private readonly HashSet<string> _siteNames = new(StringComparer.Ordinal);

    /// <param name="followLinksOutside">Whether files reached through a link that leads out of the site folder are read (<c>follow_links_outside</c>).</param>
    /// <param name="diagnostics">Where links skipped are reported (out of the site, or looping).</param>
    public Theme(string? siteThemeDirectory, bool followLinksOutside = false, DiagnosticBag? diagnostics = null)
    {
        _siteThemeDirectory = siteThemeDirectory is not null && Directory.Exists(siteThemeDirectory) ? Path.GetFullPath(siteThemeDirectory) : null;
        _builtInNames = new SortedSet<string>(
            ResourceAssembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                .Select(n => n[ResourcePrefix.Length..].Replace('\\', '/')),
            StringComparer.Ordinal);
        if (_siteThemeDirectory is not null)
        {
            var site = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(_siteThemeDirectory))!;
            var links = new LinkPolicy(Path.TrimEndingDirectorySeparator(site) + Path.DirectorySeparatorChar, Path.GetFileName(_siteThemeDirectory),
                followLinksOutside, diagnostics ?? new DiagnosticBag());
            foreach (var file in links.Files(_siteThemeDirectory, skipDotNames: false))
            {
                _siteNames.Add(Path.GetRelativePath(_siteThemeDirectory, file).Replace('\\', '/'));
            }
        }

        FileNames = [.. new SortedSet<string>(_builtInNames.Concat(_siteNames), StringComparer.Ordinal)];
    }

    /// <summary>Every file name of the theme, built-in and overridden, sorted; listed once, when the theme is opened for a build.</summary>
    public IReadOnlyList<string> FileNames { get; }

    public bool Exists(string name) => SitePath(name) is not null || _builtInNames.Contains(name);

    /// <summary>Where a file comes from, for messages: <c>theme/layouts/x.html</c> or <c>theme/layouts/x.html (built-in)</c>.</summary>
    public string DisplayPath(string name) => SitePath(name) is not null ? "theme/" + name : "theme/" + name + " (built-in)";

    public byte[] ReadBytes(string name)
    {
        if (SitePath(name) is { } path)
        {
            return File.ReadAllBytes(path);
        }

        return ReadBuiltIn(name);
    }

    private static byte[] ReadBuiltIn(string name)
    {
        using var stream = ResourceAssembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? ResourceAssembly.GetManifestResourceStream(ResourcePrefix + name.Replace('/', '\\'))
            ?? throw new FileNotFoundException($"The theme has no file {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public string ReadText(string name) => Decode(ReadBytes(name));

    /// <summary>
    /// Both versions of a file, the built-in one first, for files a site overrides entry by entry rather than whole
    /// (the <c>i18n/</c> strings): a site's <c>theme/i18n/ru.yml</c> may hold just the strings it changes.
    /// </summary>
    public IReadOnlyList<(string DisplayPath, string Text)> Layers(string name)
    {
        var layers = new List<(string, string)>();
        if (_builtInNames.Contains(name))
        {
            layers.Add(("theme/" + name + " (built-in)", Decode(ReadBuiltIn(name))));
        }

        if (SitePath(name) is { } path)
        {
            layers.Add(("theme/" + name, Decode(File.ReadAllBytes(path))));
        }

        return layers;
    }

    private static string Decode(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n");

    private string? SitePath(string name)
    {
        if (_siteThemeDirectory is null || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        return _siteNames.Contains(name) ? Path.Combine(_siteThemeDirectory, name) : null;
    }
}
