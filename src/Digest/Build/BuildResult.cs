using Digest.Diagnostics;

namespace Digest.Build;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, StageTimings Timings, int FilesWritten, int FilesUnchanged)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
}
