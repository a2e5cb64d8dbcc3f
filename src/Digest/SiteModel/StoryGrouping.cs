using Digest.Configuration;

namespace Digest.SiteModel;

/// <summary>
/// Finds the articles that report one event: near-duplicate titles and ledes (<see cref="StorySignature"/>) from
/// different sources, within a few days of each other. Candidates come from locality-sensitive hashing of the
/// signatures, so the cost grows with the number of articles, not with its square; a story is a connected group of
/// articles each similar enough to another of it.
/// </summary>
public static class StoryGrouping
{
    /// <summary>
    /// Bands of two values: two articles become candidates when some band agrees, which for a similarity s happens with
    /// probability 1 − (1 − s²)³², 0.95 at 0.3; every candidate is then judged on its whole signature.
    /// </summary>
    private const int Rows = 2;

    private const int Bands = StorySignature.Length / Rows;

    /// <summary>Groups <paramref name="articles"/> (the site's, newest first) into stories and sets each one's <see cref="SiteArticle.Story"/>.</summary>
    /// <returns>The stories, newest first.</returns>
    public static IReadOnlyList<Story> Group(IReadOnlyList<SiteArticle> articles, StorySettings settings)
    {
        var firsts = Firsts(articles, settings);
        var members = new Dictionary<int, List<SiteArticle>>();
        var stories = new List<Story>();
        for (var i = 0; i < articles.Count; i++)
        {
            if (firsts[i] >= 0)
            {
                if (!members.TryGetValue(firsts[i], out var list))
                {
                    members.Add(firsts[i], list = []);
                }

                list.Add(articles[i]);
            }
        }

        foreach (var article in articles)
        {
            article.Story = null;
        }

        foreach (var (_, list) in members.OrderBy(m => m.Key))
        {
            var story = new Story(list);
            stories.Add(story);
            foreach (var article in list)
            {
                article.Story = story;
            }
        }

        return stories;
    }

    /// <summary>Whether grouping <paramref name="articles"/> again gives the stories they have: the same articles in each.</summary>
    public static bool Unchanged(IReadOnlyList<SiteArticle> articles, StorySettings settings)
    {
        var firsts = Firsts(articles, settings);
        for (var i = 0; i < articles.Count; i++)
        {
            if (firsts[i] != (articles[i].Story?.Articles[0].Index ?? -1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For each article, the index of its story's newest article, or −1 when it belongs to none.</summary>
    private static int[] Firsts(IReadOnlyList<SiteArticle> articles, StorySettings settings)
    {
        var firsts = new int[articles.Count];
        Array.Fill(firsts, -1);
        if (!settings.Enabled || articles.Count < 2)
        {
            return firsts;
        }

        var signatures = new StorySignature[articles.Count];
        Parallel.For(0, articles.Count, i => signatures[i] = articles[i].Signature());

        // Each band's buckets in turn: one table at a time, its lists in newest-first order.
        var roots = new int[articles.Count];
        for (var i = 0; i < roots.Length; i++)
        {
            roots[i] = i;
        }

        var window = TimeSpan.FromDays(settings.WindowDays);
        var buckets = new Dictionary<ulong, List<int>>(articles.Count);
        for (var band = 0; band < Bands; band++)
        {
            buckets.Clear();
            for (var i = 0; i < articles.Count; i++)
            {
                var key = signatures[i].Band(band * Rows, Rows);
                if (!buckets.TryGetValue(key, out var bucket))
                {
                    buckets.Add(key, bucket = []);
                }

                bucket.Add(i);
            }

            foreach (var bucket in buckets.Values)
            {
                for (var a = 0; a < bucket.Count; a++)
                {
                    var newer = articles[bucket[a]];
                    // Newest first: the articles after this one within the window are the next ones.
                    for (var b = a + 1; b < bucket.Count && newer.LocalDate - articles[bucket[b]].LocalDate <= window; b++)
                    {
                        var (i, j) = (bucket[a], bucket[b]);
                        if (Find(roots, i) != Find(roots, j) && OfDifferentSources(newer, articles[j])
                            && signatures[i].Similarity(signatures[j]) >= settings.Similarity)
                        {
                            Union(roots, i, j);
                        }
                    }
                }
            }
        }

        var sizes = new int[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            sizes[Find(roots, i)]++;
        }

        for (var i = 0; i < articles.Count; i++)
        {
            var root = Find(roots, i);
            firsts[i] = sizes[root] > 1 ? root : -1;
        }

        return firsts;
    }

    /// <summary>An agency's own follow-up is a new article, not another report: two articles of one named source never pair.</summary>
    private static bool OfDifferentSources(SiteArticle a, SiteArticle b) =>
        a.Source.Source.Length == 0 || !string.Equals(a.Source.Source, b.Source.Source, StringComparison.OrdinalIgnoreCase);

    private static int Find(int[] roots, int i)
    {
        while (roots[i] != i)
        {
            roots[i] = roots[roots[i]];
            i = roots[i];
        }

        return i;
    }

    /// <summary>The lower index becomes the root: a story's root is its newest article.</summary>
    private static void Union(int[] roots, int i, int j)
    {
        var (a, b) = (Find(roots, i), Find(roots, j));
        roots[Math.Max(a, b)] = Math.Min(a, b);
    }
}
