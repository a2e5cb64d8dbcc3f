using Digest.Diagnostics;

namespace Digest.Checking;

/// <summary>What <see cref="SiteChecker"/> found. Diagnostic paths are relative to the output folder.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, int FilesChecked, int ReferencesChecked)
{
    public bool Passed => Diagnostics.Count == 0;
}
