namespace Digest.Preview;

/// <summary>Files editors write while saving (swap, backup, lock and probe files) that never affect the site.</summary>
internal static class EditorFiles
{
    private static readonly string[] TemporarySuffixes = ["~", ".swp", ".swx", ".swo", ".tmp", ".bak", ".crdownload", ".part"];

    /// <summary>
    /// True for a site-relative path the build ignores or that only an editor uses: any part starting with '.'
    /// (the build skips those too), vim's <c>4913</c> probe, <c>#autosave#</c>, and temporary suffixes.
    /// </summary>
    public static bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(part => part.StartsWith('.')))
        {
            return true;
        }

        var name = parts.Length > 0 ? parts[^1] : "";
        return name == "4913"
            || (name.StartsWith('#') && name.EndsWith('#'))
            || TemporarySuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }
}
