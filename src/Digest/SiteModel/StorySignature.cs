using Digest.Content;

namespace Digest.SiteModel;

/// <summary>
/// A MinHash signature of an article's title and lede: the least value of each of <see cref="Length"/> hash functions
/// over the text's shingles. The share of positions where two signatures agree estimates the Jaccard similarity of
/// their sets of shingles, so near-duplicates are found without comparing texts.
/// </summary>
internal sealed class StorySignature
{
    /// <summary>Hash functions: an estimate's standard error is about 0.06 at the similarities that matter (0.2–0.5).</summary>
    public const int Length = 64;

    /// <summary>The lede is the beginning of the summary: later words are detail, which reports of one event share least.</summary>
    private const int LedeWords = 40;

    /// <summary>Character 4-grams of words: they match "reopens" with "reopened" and inflected Russian or Armenian forms, as whole words would not.</summary>
    private const int ShingleLength = 4;

    /// <summary>Odd multipliers and offsets of the multiply-shift hash functions, fixed so that signatures are the same on every run.</summary>
    private static readonly (ulong Multiplier, ulong Offset)[] Functions = MakeFunctions();

    private readonly uint[] _values;

    private StorySignature(uint[] values) => _values = values;

    public static StorySignature Of(Article article)
    {
        var values = new uint[Length];
        Array.Fill(values, uint.MaxValue);
        Span<char> word = stackalloc char[64];
        var (length, words) = (0, 0);
        void EndWord(Span<char> word)
        {
            if (length > 0)
            {
                AddShingles(values, word[..(Math.Min(length, word.Length - 2) + 2)]);
                length = 0;
                words++;
            }
        }

        foreach (var text in new[] { article.Title, article.Summary })
        {
            words = 0;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    // A word longer than the buffer is cut: its first 62 letters are shingle enough.
                    if (length < word.Length - 2)
                    {
                        word[1 + length] = char.ToLowerInvariant(c);
                    }

                    length++;
                }
                else
                {
                    EndWord(word);
                    if (words == LedeWords)
                    {
                        break;
                    }
                }
            }

            EndWord(word);
        }

        return new StorySignature(values);
    }

    /// <summary>The share of hash functions whose least values agree: an estimate of the Jaccard similarity.</summary>
    public double Similarity(StorySignature other)
    {
        var same = 0;
        for (var i = 0; i < Length; i++)
        {
            same += _values[i] == other._values[i] ? 1 : 0;
        }

        return same / (double)Length;
    }

    /// <summary>A key of the values at <paramref name="start"/> and the <paramref name="count"/> after it: one band of locality-sensitive hashing.</summary>
    public ulong Band(int start, int count)
    {
        var key = 0xcbf29ce484222325UL;
        for (var i = start; i < start + count; i++)
        {
            key = (key ^ _values[i]) * 0x100000001b3UL;
        }

        return key;
    }

    /// <param name="padded">The word's letters between two places for a space, so that shingles mark where words begin and end.</param>
    private static void AddShingles(uint[] values, Span<char> padded)
    {
        padded[0] = ' ';
        padded[^1] = ' ';
        for (var at = 0; at + Math.Min(ShingleLength, padded.Length) <= padded.Length; at++)
        {
            // Four UTF-16 units fill the 64 bits: the shingle is its own key, mixed once, then hashed by each function.
            var shingle = 0UL;
            for (var i = at; i < Math.Min(at + ShingleLength, padded.Length); i++)
            {
                shingle = (shingle << 16) | padded[i];
            }

            var mixed = Mix(shingle);
            for (var f = 0; f < Length; f++)
            {
                var value = (uint)((Functions[f].Multiplier * mixed + Functions[f].Offset) >> 32);
                if (value < values[f])
                {
                    values[f] = value;
                }
            }
        }
    }

    /// <summary>splitmix64's finalizer: neighbouring shingles get unrelated keys.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }

    private static (ulong, ulong)[] MakeFunctions()
    {
        var functions = new (ulong, ulong)[Length];
        var state = 0x5DEECE66DUL;
        for (var f = 0; f < Length; f++)
        {
            state += 0x9e3779b97f4a7c15UL;
            var multiplier = Mix(state) | 1;
            state += 0x9e3779b97f4a7c15UL;
            functions[f] = (multiplier, Mix(state));
        }

        return functions;
    }
}
