using Digest.Diagnostics;

namespace Digest.Content;

/// <summary>
/// Front matter defaults from <c>_directory.yml</c> files, as in Statiq: a file gets the defaults of every
/// folder above it, nearer folders win, and its own front matter wins over all of them.
/// </summary>
internal sealed class DirectoryDefaults
{
    public const string FileName = "_directory.yml";

    private readonly Dictionary<string, IReadOnlyDictionary<string, FrontMatterValue>> _byFolder;

    private DirectoryDefaults(Dictionary<string, IReadOnlyDictionary<string, FrontMatterValue>> byFolder) => _byFolder = byFolder;

    public static DirectoryDefaults Empty { get; } = new([]);

    /// <param name="files">Site-relative paths of <c>_directory.yml</c> files and their text.</param>
    public static DirectoryDefaults Load(IEnumerable<(string Path, string Text)> files, DiagnosticBag diagnostics)
    {
        var byFolder = new Dictionary<string, IReadOnlyDictionary<string, FrontMatterValue>>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var values = FrontMatter.ParseYaml(text, path, diagnostics, lineOffset: 0);
            if (values is not null)
            {
                byFolder[FolderOf(path)] = values;
            }
        }

        return new DirectoryDefaults(byFolder);
    }

    /// <summary>The front matter of <paramref name="path"/> merged over its folders' defaults.</summary>
    public IReadOnlyDictionary<string, FrontMatterValue> Apply(string path, IReadOnlyDictionary<string, FrontMatterValue> frontMatter)
    {
        if (_byFolder.Count == 0)
        {
            return frontMatter;
        }

        var merged = new Dictionary<string, FrontMatterValue>(StringComparer.Ordinal);
        var folder = FolderOf(path);
        var chain = new List<IReadOnlyDictionary<string, FrontMatterValue>>();
        while (true)
        {
            if (_byFolder.TryGetValue(folder, out var defaults))
            {
                chain.Add(defaults);
            }

            if (folder.Length == 0)
            {
                break;
            }

            folder = FolderOf(folder);
        }

        // Farthest first, so nearer folders and then the file overwrite.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in chain[i])
            {
                merged[key] = value;
            }
        }

        foreach (var (key, value) in frontMatter)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
