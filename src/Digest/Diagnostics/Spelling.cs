namespace Digest.Diagnostics;

/// <summary>"Did you mean" suggestions for misspelt keys.</summary>
internal static class Spelling
{
    /// <summary>The candidate nearest to <paramref name="word"/> by edit distance, if it is near enough.</summary>
    /// <param name="ignoreCase">Letters that differ only in case count as the same (names matched case-insensitively).</param>
    public static string? Closest(string word, IEnumerable<string> candidates, bool ignoreCase = false) =>
        candidates
            .Select(c => (Candidate: c, Distance: ignoreCase ? Distance(word.ToLowerInvariant(), c.ToLowerInvariant()) : Distance(word, c)))
            .Where(x => x.Distance <= Math.Max(2, x.Candidate.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
