using Digest.Diagnostics;

namespace Digest.Scaffolding;

/// <summary>
/// What <c>digest init</c> did: every file of the site in path order, or, when it would have had to overwrite
/// anything, the diagnostics saying which files, and no files (nothing was written).
/// </summary>
public sealed record ScaffoldResult(IReadOnlyList<ScaffoldedFile> Files, IReadOnlyList<Diagnostic> Diagnostics);
