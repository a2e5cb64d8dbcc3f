namespace Digest.Writing;

/// <summary>
/// One output file as the last build left it: size and write time (to see that nobody changed it since), the hash
/// of its bytes (to skip writing the same bytes again without reading the file), and for pages the fingerprint of
/// everything its templates saw (zero for other files), to skip rendering it at all.
/// </summary>
internal sealed record OutputRecord(long Length, long WriteTicks, UInt128 ContentHash, UInt128 Fingerprint);
