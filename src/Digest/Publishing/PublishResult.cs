using Digest.Diagnostics;

namespace Digest.Publishing;

/// <summary>What a publish did: the new commit and its parent, or nothing when the branch already held this site.</summary>
public sealed record PublishResult(IReadOnlyList<Diagnostic> Diagnostics, string? Commit, string? Parent, int Files, bool Unchanged)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
}
