using Digest.Caching;
using Digest.Diagnostics;
using Digest.Templates;

namespace Digest.Build;

/// <summary>
/// One build as it runs: its options, what the last build left (on disk and in the session), where it reports, and
/// where its time goes. Handed from stage to stage instead of a list of parameters.
/// </summary>
internal sealed class BuildRun(BuildOptions options, CachedBuild cached, SessionMemo memo, TemplateCache templates,
    DiagnosticBag diagnostics, StageTimings timings, CancellationToken cancellationToken)
{
    public BuildOptions Options { get; } = options;
    /// <summary>What the last build left for this one, and this one leaves for the next: updated as the build goes.</summary>
    public CachedBuild Cached { get; } = cached;
    public SessionMemo Memo { get; } = memo;
    public TemplateCache Templates { get; } = templates;
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public StageTimings Timings { get; } = timings;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public BuildWork Work { get; } = new();

    /// <summary>
    /// One worker per core: parsing and rendering never wait, and a pool that adds threads while long items run (a
    /// 4 MB article takes seconds) would hold that many articles' syntax trees at once: six such articles took 2.5 GB.
    /// </summary>
    public ParallelOptions CpuBound => new() { CancellationToken = CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>The result of a build that wrote nothing: an error stopped it.</summary>
    public BuildResult Failed() => new(Diagnostics.ToSortedList(), Timings, 0, 0, []) { Work = Work };
}
