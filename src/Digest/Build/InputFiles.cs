namespace Digest.Build;

/// <summary>The files under <c>input/</c>, by role, as sorted site-relative paths.</summary>
public sealed record InputFiles(IReadOnlyList<string> Articles, IReadOnlyList<string> Pages,
    IReadOnlyList<string> DirectoryDefaults, IReadOnlyList<string> StaticFiles)
{
    public static InputFiles Scan(string siteDirectory)
    {
        var input = Path.Combine(siteDirectory, SiteBuilder.InputFolder);
        if (!Directory.Exists(input))
        {
            return new InputFiles([], [], [], []);
        }

        var files = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Select(f => Path.GetRelativePath(siteDirectory, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        var pagesPrefix = SiteBuilder.InputFolder + "/pages/";
        bool IsMarkdown(string f) => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        bool IsPage(string f) => f.StartsWith(pagesPrefix, StringComparison.Ordinal) && !f[pagesPrefix.Length..].Contains('/');
        bool IsDefaults(string f) => Path.GetFileName(f) == Content.DirectoryDefaults.FileName;
        return new InputFiles(
            [.. files.Where(f => IsMarkdown(f) && !IsPage(f))],
            [.. files.Where(f => IsMarkdown(f) && IsPage(f))],
            [.. files.Where(IsDefaults)],
            [.. files.Where(f => !IsMarkdown(f) && !IsDefaults(f))]);
    }
}
