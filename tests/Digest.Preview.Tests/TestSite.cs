namespace Digest.Preview.Tests;

/// <summary>A site in a temporary folder: a copy of the repository's sample digest, or a few files written inline.</summary>
internal sealed class TestSite : IDisposable
{
    private TestSite(string root) => Root = root;

    public string Root { get; }

    /// <summary>The sample digest (digest.yml, input/, theme/), with a smaller page size so edits move articles between pages.</summary>
    public static TestSite CopyOfSample(int pageSize)
    {
        var site = new TestSite(Directory.CreateTempSubdirectory("digest-preview-site-").FullName);
        var repository = RepositoryRoot();
        File.Copy(Path.Combine(repository, "digest.yml"), Path.Combine(site.Root, "digest.yml"));
        CopyFolder(Path.Combine(repository, "input"), Path.Combine(site.Root, "input"));
        CopyFolder(Path.Combine(repository, "theme"), Path.Combine(site.Root, "theme"));
        site.Replace("digest.yml", "page_size: 10", $"page_size: {pageSize}");
        return site;
    }

    public static TestSite FromFiles(params (string Path, string Text)[] files)
    {
        var site = new TestSite(Directory.CreateTempSubdirectory("digest-preview-site-").FullName);
        foreach (var (path, text) in files)
        {
            site.Write(path, text);
        }

        return site;
    }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(FullPath(relativePath));

    public void Write(string relativePath, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath(relativePath))!);
        File.WriteAllText(FullPath(relativePath), text);
    }

    /// <summary>Replaces text that must be there: an edit that silently does nothing would prove nothing.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var text = Read(relativePath);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        Write(relativePath, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: Digest.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
