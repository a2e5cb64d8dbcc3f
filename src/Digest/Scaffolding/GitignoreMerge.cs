namespace Digest.Scaffolding;

/// <summary>
/// Adds the entries of the site's <c>.gitignore</c> to one that exists, keeping every line of it: an entry counts as
/// there when a line names the same path, with or without a leading or trailing <c>/</c>.
/// </summary>
public static class GitignoreMerge
{
    /// <summary>The merged file and the entries that were added (none: the file is returned as it was).</summary>
    public static (string Content, IReadOnlyList<string> Added) Merge(string existing, string template)
    {
        var present = existing.Split('\n').Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var missing = template.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !present.Contains(Normalize(l)))
            .ToList();
        if (missing.Count == 0)
        {
            return (existing, []);
        }

        // A file written on Windows keeps its line ends.
        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var merged = new System.Text.StringBuilder(existing);
        if (existing.Length > 0 && !existing.EndsWith('\n'))
        {
            merged.Append(newline);
        }

        merged.Append("# Made by digest build and npm, never committed.").Append(newline);
        foreach (var entry in missing)
        {
            merged.Append(entry).Append(newline);
        }

        return (merged.ToString(), missing);
    }

    private static string Normalize(string line) => line.Trim().TrimStart('/').TrimEnd('/');
}
