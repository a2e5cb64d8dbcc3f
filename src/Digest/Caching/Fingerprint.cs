using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Digest.Caching;

/// <summary>
/// A 128-bit hash of a sequence of typed values (XxHash128). Every value is written with its length or a type
/// tag, so that different sequences never share a byte stream: ("ab", "c") and ("a", "bc") hash apart.
/// </summary>
internal sealed class Fingerprint
{
    private readonly XxHash128 _hash = new();

    public UInt128 Value => _hash.GetCurrentHashAsUInt128();

    public static UInt128 Of(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    public Fingerprint Add(string? text)
    {
        if (text is null)
        {
            return Add(-1L);
        }

        Add((long)text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public Fingerprint Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.Append(bytes);
        return this;
    }

    public Fingerprint AddHash(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        MemoryMarshal.Write(bytes, in value);
        _hash.Append(bytes);
        return this;
    }

    public Fingerprint Add(ReadOnlySpan<byte> bytes)
    {
        Add((long)bytes.Length);
        _hash.Append(bytes);
        return this;
    }
}
