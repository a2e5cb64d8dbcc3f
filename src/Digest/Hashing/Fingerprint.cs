using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Digest.Hashing;

/// <summary>
/// A 128-bit hash of a sequence of typed values (XxHash128). Every value is written with its length or a type
/// tag, so that different sequences never share a byte stream: ("ab", "c") and ("a", "bc") hash apart.
/// </summary>
internal sealed class Fingerprint
{
    /// <summary>How many finished hash states a thread keeps for its next fingerprints.</summary>
    private const int SparesPerThread = 16;

    // A hash state is half a kilobyte to allocate and set up, and a build makes tens of thousands of fingerprints:
    // each thread keeps the states of finished ones for its next. Only a cache: no value depends on it.
    [ThreadStatic]
    private static Stack<XxHash128>? _spares;

    private XxHash128? _hash = _spares is { Count: > 0 } spares ? spares.Pop() : new XxHash128();

    /// <summary>The hash of everything added. Reading it ends the fingerprint: nothing can be added after.</summary>
    public UInt128 Value
    {
        get
        {
            var hash = Hash;
            var value = hash.GetCurrentHashAsUInt128();
            _hash = null;
            hash.Reset();
            _spares ??= new Stack<XxHash128>(SparesPerThread);
            if (_spares.Count < SparesPerThread)
            {
                _spares.Push(hash);
            }

            return value;
        }
    }

    private XxHash128 Hash => _hash ?? throw new InvalidOperationException("This fingerprint's value was already read.");

    public static UInt128 Of(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    public Fingerprint Add(string? text)
    {
        if (text is null)
        {
            return Add(-1L);
        }

        Add((long)text.Length);
        Hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public Fingerprint Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        Hash.Append(bytes);
        return this;
    }

    public Fingerprint AddHash(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        MemoryMarshal.Write(bytes, in value);
        Hash.Append(bytes);
        return this;
    }

    public Fingerprint Add(ReadOnlySpan<byte> bytes)
    {
        Add((long)bytes.Length);
        Hash.Append(bytes);
        return this;
    }
}
