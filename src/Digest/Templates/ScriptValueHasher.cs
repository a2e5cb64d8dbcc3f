using System.Globalization;
using Digest.Bodies;
using Digest.Hashing;
using Scriban.Runtime;

namespace Digest.Templates;

/// <summary>
/// Hashes what a template can see: script objects, arrays and plain values, all the way down. A page whose
/// globals hash the same as last time renders the same HTML, so this is what makes skipping a render exact.
/// Objects shared by many pages (<see cref="SharedScriptObject"/>: an article in every list it appears in) are hashed
/// once per build and stand in the page's hash as their own hash; others are hashed in line, not remembered, so that a
/// page's values (and the HTML later stored in them) die with it.
/// </summary>
internal static class ScriptValueHasher
{
    public static UInt128 Hash(object? value) => new Fingerprint().AddValue(value).Value;

    /// <summary>Adds a template value to the fingerprint, tagged by kind.</summary>
    public static Fingerprint AddValue(this Fingerprint fingerprint, object? value)
    {
        switch (value)
        {
            case null: fingerprint.Add(0); break;
            case string text: fingerprint.Add(1).Add(text); break;
            case bool flag: fingerprint.Add(2).Add(flag ? 1 : 0); break;
            case int number: fingerprint.Add(3).Add(number); break;
            case long number: fingerprint.Add(4).Add(number); break;
            case double number: fingerprint.Add(5).Add(BitConverter.DoubleToInt64Bits(number)); break;
            case DateTimeOffset date: fingerprint.Add(6).Add(date.Ticks).Add(date.Offset.Ticks); break;
            case DateTime date: fingerprint.Add(11).Add(date.Ticks); break;
            case ArticleContent content: fingerprint.Add(9).AddHash(content.Hash); break;
            case SharedScriptObject shared: fingerprint.Add(10).AddHash(SharedHash(shared)); break;
            case ScriptObject map: AddMap(fingerprint.Add(7), map); break;
            case ScriptArray list: AddList(fingerprint.Add(8), list); break;
            default:
                // A value of a kind not listed above could change without changing the hash: refuse rather than guess.
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Cannot fingerprint a template value of type {value.GetType()}."));
        }

        return fingerprint;
    }

    private static UInt128 SharedHash(SharedScriptObject shared)
    {
        if (shared.Fingerprint is not UInt128 known)
        {
            known = AddMap(new Fingerprint(), shared).Value;
            shared.Fingerprint = known;
        }

        return known;
    }

    private static Fingerprint AddMap(Fingerprint fingerprint, ScriptObject map)
    {
        fingerprint.Add(map.Count);
        foreach (var (key, item) in map)
        {
            fingerprint.Add(key).AddValue(item);
        }

        return fingerprint;
    }

    private static void AddList(Fingerprint fingerprint, ScriptArray list)
    {
        fingerprint.Add(list.Count);
        foreach (var item in list)
        {
            fingerprint.AddValue(item);
        }
    }
}
