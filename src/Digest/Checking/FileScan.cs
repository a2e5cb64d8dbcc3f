namespace Digest.Checking;

/// <summary>What scanning one output file found: the URLs it refers to, the ids it defines and its own problems.</summary>
public sealed class FileScan
{
    public List<Reference> References { get; } = [];
    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
    public List<Finding> Findings { get; } = [];
}
