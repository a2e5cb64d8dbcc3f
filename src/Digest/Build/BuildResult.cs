using Digest.Diagnostics;

namespace Digest.Build;

/// <param name="ChangedFiles">
/// Output files this build wrote or deleted, as sorted '/'-separated paths relative to the output folder
/// (e.g. <c>assets/style.css</c>); empty when the build failed or nothing changed.
/// </param>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, StageTimings Timings, int FilesWritten, int FilesUnchanged,
    IReadOnlyList<string> ChangedFiles)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>How much work the build did: files read, articles parsed, pages rendered.</summary>
    public BuildWork Work { get; init; } = new();
}
