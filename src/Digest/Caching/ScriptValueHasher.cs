using System.Globalization;
using Digest.Content;
using Digest.Templates;
using Scriban.Runtime;

namespace Digest.Caching;

/// <summary>
/// Hashes what a template can see: script objects, arrays and plain values, all the way down. A page whose
/// globals hash the same as last time renders the same HTML, so this is what makes skipping a render exact.
/// Objects shared by many pages (<see cref="SharedScriptObject"/>: an article in every list it appears in) are hashed
/// once per build; others are not remembered, so that a page's values (and the HTML later stored in them) die with it.
/// </summary>
internal static class ScriptValueHasher
{
    public static UInt128 Hash(object? value)
    {
        var fingerprint = new Fingerprint();
        Add(fingerprint, value);
        return fingerprint.Value;
    }

    private static void Add(Fingerprint fingerprint, object? value)
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
            case ArticleContent content: fingerprint.Add(9).AddHash(content.Hash); break;
            case ScriptObject map: fingerprint.Add(7).AddHash(Memoized(map)); break;
            case ScriptArray list: fingerprint.Add(8).AddHash(Memoized(list)); break;
            default:
                // A value of a kind not listed above could change without changing the hash: refuse rather than guess.
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Cannot fingerprint a template value of type {value.GetType()}."));
        }
    }

    private static UInt128 Memoized(object container)
    {
        var shared = container as SharedScriptObject;
        if (shared?.Fingerprint is UInt128 known)
        {
            return known;
        }

        var fingerprint = new Fingerprint();
        if (container is ScriptObject map)
        {
            fingerprint.Add(map.Count);
            foreach (var (key, item) in map)
            {
                fingerprint.Add(key);
                Add(fingerprint, item);
            }
        }
        else
        {
            var list = (ScriptArray)container;
            fingerprint.Add(list.Count);
            foreach (var item in list)
            {
                Add(fingerprint, item);
            }
        }

        var value = fingerprint.Value;
        if (shared is not null)
        {
            shared.Fingerprint = value;
        }

        return value;
    }
}
