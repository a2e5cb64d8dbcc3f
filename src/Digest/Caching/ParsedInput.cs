using Digest.Content;
using Digest.Diagnostics;

namespace Digest.Caching;

/// <summary>
/// One input file as last read: its size and write time (to notice a change without reading it), its content hash
/// (to notice a change the size and time miss, or a touch that changed nothing), and what reading it produced.
/// </summary>
internal sealed record ParsedInput(long Length, long WriteTicks, UInt128 ContentHash, Article? Article, IReadOnlyList<Diagnostic> Diagnostics);
