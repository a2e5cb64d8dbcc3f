namespace Digest.SiteModel;

/// <summary>Each article's related articles, scored by the terms it shares with its neighbours in time.</summary>
internal static class RelatedArticles
{
    /// <summary>How far along a tag's timeline related articles are looked for: keeps the cost linear.</summary>
    private const int RelatedWindow = 24;

    /// <summary>
    /// Scores neighbours on each shared term's timeline: two points per shared tag, one for a shared category;
    /// ties go to the article nearer in time. Looking only at nearby articles keeps this linear in the site's size.
    /// </summary>
    /// <param name="articles">Every article of the site, by <see cref="SiteArticle.Index"/>.</param>
    /// <param name="which">The articles whose related articles are to be found (an edition's all in a new model).</param>
    public static void Find(IReadOnlyList<SiteArticle> articles, IEnumerable<SiteArticle> which, int count)
    {
        // Scores by position in one array per worker, reused: a table per article was most of what the stage allocated,
        // and hashing its keys most of its time.
        Parallel.ForEach(which, () => new Scores(articles.Count), (article, _, scores) =>
        {
            scores.Clear();
            void Score(Term term, int points)
            {
                var list = term.Articles;
                var at = list.BinarySearch(article, NewestFirst.Instance);
                for (var i = Math.Max(0, at - RelatedWindow); i < Math.Min(list.Count, at + RelatedWindow + 1); i++)
                {
                    if (list[i] != article)
                    {
                        scores.Add(list[i].Index, points);
                    }
                }
            }

            foreach (var tag in article.Tags)
            {
                Score(tag, 2);
            }

            foreach (var category in article.Categories)
            {
                Score(category, 1);
            }

            article.Related = Best(scores, article.Index, count, articles);
            return scores;
        }, _ => { });
    }

    /// <summary>The <paramref name="count"/> best scored: highest score, then nearest in time, then newest.</summary>
    private static SiteArticle[] Best(Scores scores, int origin, int count, IReadOnlyList<SiteArticle> articles)
    {
        bool Before((int Index, int Score) a, (int Index, int Score) b)
        {
            if (a.Score != b.Score)
            {
                return a.Score > b.Score;
            }

            var byDistance = Math.Abs(a.Index - origin).CompareTo(Math.Abs(b.Index - origin));
            return byDistance != 0 ? byDistance < 0 : a.Index < b.Index;
        }

        // Insertion into a short sorted list: the count is a handful, the candidates about a hundred.
        var length = Math.Min(count, scores.Scored.Count);
        var best = length <= 64 ? stackalloc (int Index, int Score)[length] : new (int Index, int Score)[length];
        var filled = 0;
        foreach (var index in scores.Scored)
        {
            var candidate = (index, scores[index]);
            var at = filled;
            while (at > 0 && Before(candidate, best[at - 1]))
            {
                at--;
            }

            if (at == best.Length)
            {
                continue;
            }

            var last = Math.Min(filled, best.Length - 1);
            best[at..last].CopyTo(best[(at + 1)..]);
            best[at] = candidate;
            filled = Math.Min(filled + 1, best.Length);
        }

        var related = new SiteArticle[filled];
        for (var i = 0; i < filled; i++)
        {
            related[i] = articles[best[i].Index];
        }

        return related;
    }

    /// <summary>Points by article position; only the positions scored are visited, and cleared.</summary>
    private sealed class Scores(int articleCount)
    {
        private readonly int[] _points = new int[articleCount];

        public List<int> Scored { get; } = [];

        public int this[int index] => _points[index];

        public void Add(int index, int points)
        {
            if (_points[index] == 0)
            {
                Scored.Add(index);
            }

            _points[index] += points;
        }

        public void Clear()
        {
            foreach (var index in Scored)
            {
                _points[index] = 0;
            }

            Scored.Clear();
        }
    }

    private sealed class NewestFirst : IComparer<SiteArticle>
    {
        public static NewestFirst Instance { get; } = new();

        public int Compare(SiteArticle? x, SiteArticle? y) => x!.Index.CompareTo(y!.Index);
    }
}
