using Digest.Build;

namespace Digest.Testing;

/// <summary>
/// A site in a temporary folder that a test edits and builds again: a copy of the repository's sample digest, or a
/// few files written from tuples. Its output and cache go inside it, as a user's would.
/// </summary>
public sealed class TestSite : IDisposable
{
    private readonly TempFolder _folder = new();

    private TestSite()
    {
        Root = _folder.Combine("site");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Where a build with no output folder given writes.</summary>
    public string Output => FullPath("output");

    public string CacheFile => FullPath(Path.Combine(SiteLayout.CacheFolder, "build.cache"));

    /// <summary>
    /// The sample digest (digest.yml, input/ and, unless <paramref name="withTheme"/> is false, theme/). A smaller
    /// <paramref name="pageSize"/> makes edits move articles between pages.
    /// </summary>
    public static TestSite CopyOfSample(int? pageSize = null, bool withTheme = true)
    {
        var site = new TestSite();
        File.Copy(Repository.File("digest.yml"), site.FullPath("digest.yml"));
        TempFolder.Copy(Repository.File("input"), site.FullPath("input"));
        if (withTheme)
        {
            TempFolder.Copy(Repository.File("theme"), site.FullPath("theme"));
        }

        if (pageSize is { } size)
        {
            site.Replace("digest.yml", "page_size: 10", $"page_size: {size}");
        }

        return site;
    }

    public static TestSite FromFiles(params (string Path, string Text)[] files)
    {
        var site = new TestSite();
        foreach (var (path, text) in files)
        {
            site.Write(path, text);
        }

        return site;
    }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(FullPath(relativePath));

    /// <summary>
    /// Writes beside the site and renames the file into place, as editors save: a preview never rebuilds from half a file
    /// (one that rebuilt between the truncation and the text reported an empty file, and a test read that report).
    /// </summary>
    public void Write(string relativePath, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath(relativePath))!);
        var written = _folder.Combine($"edit-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(written, text);
        File.Move(written, FullPath(relativePath), overwrite: true);
    }

    /// <summary>Replaces text that must be there: an edit that silently does nothing would prove nothing.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var text = Read(relativePath);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        Write(relativePath, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Rewrites a file and moves its time stamp on, so that no coarse file system clock can hide the edit.</summary>
    public void Edit(string relativePath, Func<string, string> change)
    {
        var path = FullPath(relativePath);
        var before = File.GetLastWriteTimeUtc(path);
        Write(relativePath, change(File.ReadAllText(path)));
        File.SetLastWriteTimeUtc(path, before.AddSeconds(2));
    }

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    /// <summary>
    /// Turns <c>search: true</c> on, with the repository's Pagefind (which <c>npm ci</c> installs) linked in as the site's
    /// <c>node_modules/</c>, where <c>npm install pagefind</c> would put a user's.
    /// </summary>
    public void EnableSearch()
    {
        InstallPagefind();
        Write("digest.yml", Read("digest.yml") + "\nsearch: true\n");
    }

    /// <summary>The repository's Pagefind linked in as the site's <c>node_modules/</c>, with no setting changed.</summary>
    public void InstallPagefind()
    {
        Assert.True(File.Exists(Repository.File("node_modules/.bin/pagefind")), "Pagefind is not installed: run 'npm ci' in the repository, as .ci/run does.");
        LinkNodeModules(Root);
    }

    private static void LinkNodeModules(string siteDirectory) =>
        Directory.CreateSymbolicLink(Path.Combine(siteDirectory, "node_modules"), Repository.File("node_modules"));

    /// <summary>Build options for this site on the fixed clock, into <paramref name="output"/> or the site's own output folder.</summary>
    public BuildOptions Options(bool useCache = true, string? output = null) => new()
    {
        SiteDirectory = Root,
        OutputDirectory = output,
        UseCache = useCache,
        Clock = FixedClock.Default,
    };

    /// <summary>A cold build of the site as it is now, into a fresh folder, with no cache: what every build must equal.</summary>
    public string ColdBuild()
    {
        var copy = _folder.Combine("cold", Guid.NewGuid().ToString("N"));
        TempFolder.Copy(FullPath("input"), Path.Combine(copy, "input"));
        File.Copy(FullPath("digest.yml"), Path.Combine(copy, "digest.yml"));
        if (Directory.Exists(FullPath("theme")))
        {
            TempFolder.Copy(FullPath("theme"), Path.Combine(copy, "theme"));
        }

        if (Directory.Exists(FullPath("node_modules")))
        {
            LinkNodeModules(copy);
        }

        var result = SiteBuilder.Build(Options(useCache: false) with { SiteDirectory = copy });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return Path.Combine(copy, "output");
    }

    public void Dispose() => _folder.Dispose();
}
