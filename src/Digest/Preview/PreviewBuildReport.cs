using Digest.Build;

namespace Digest.Preview;

/// <summary>One build the preview ran: the first one, or a rebuild after a batch of changes.</summary>
/// <param name="Number">1 for the first build, then counting up.</param>
/// <param name="ChangedSources">Site-relative paths whose changes caused the build (empty for the first build).</param>
public sealed record PreviewBuildReport(int Number, IReadOnlyCollection<string> ChangedSources, BuildResult Result, TimeSpan Elapsed);
