namespace Digest.Scaffolding;

/// <summary>One file of the site and what <c>digest init</c> did to it, printed as one line.</summary>
/// <param name="Path">Site-relative path with forward slashes.</param>
/// <param name="Note">What was added, or why the file was kept; empty for a created file.</param>
public sealed record ScaffoldedFile(string Path, FileChange Change, string Note)
{
    /// <summary><c>created digest.yml</c>, <c>updated .gitignore: added output/</c>, …</summary>
    public override string ToString()
    {
        var verb = Change switch
        {
            FileChange.Created => "created",
            FileChange.Updated => "updated",
            _ => "kept",
        };
        return Note.Length == 0 ? $"{verb} {Path}" : $"{verb} {Path}: {Note}";
    }
}
