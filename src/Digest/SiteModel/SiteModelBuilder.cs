using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;

namespace Digest.SiteModel;

/// <summary>The barrier stage: from every read article to the site model, computed once.</summary>
public static class SiteModelBuilder
{
    /// <summary>How far along a tag's timeline related articles are looked for: keeps the cost linear.</summary>
    private const int RelatedWindow = 24;

    /// <param name="previous">
    /// The model of the last build, made with the same settings and without any diagnostic; null when there is none.
    /// When every article is placed as it was there (an edit of a body, a title, a summary, or of tags and categories),
    /// its order and archives are kept, and only the articles themselves are replaced and, if their terms changed, the
    /// terms and related articles regrouped.
    /// </param>
    /// <returns>The model, and how it differs from <paramref name="previous"/> when made from it (null when made anew).</returns>
    public static (Site Site, ModelPatch? Patch) Build(IReadOnlyList<Article> articles, SiteSettings settings, DiagnosticBag diagnostics, Site? previous = null)
    {
        if (previous is not null && Reuse(previous, articles, settings, diagnostics) is { } kept)
        {
            return kept;
        }

        var placed = articles
            .Where(a => !a.IsPage)
            .OrderByDescending(a => a.Date!.Value.UtcDateTime)
            .ThenBy(a => a.SourcePath, StringComparer.Ordinal)
            .Select(a => Place(a, settings))
            .ToList();
        for (var i = 0; i < placed.Count; i++)
        {
            placed[i].Index = i;
            placed[i].Newer = i > 0 ? placed[i - 1] : null;
            placed[i].Older = i + 1 < placed.Count ? placed[i + 1] : null;
        }

        var pages = articles
            .Where(a => a.IsPage)
            .OrderBy(a => a.MenuOrder).ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.SourcePath, StringComparer.Ordinal)
            .Select(a => new SiteArticle(a, UrlOf(a, settings), a.Date is { } d ? TimeZoneInfo.ConvertTime(d, settings.TimeZone) : default))
            .ToList();

        ReportDuplicateUrls(placed.Concat(pages), diagnostics);

        var tags = Group(placed, TermKind.Tag, a => a.Source.Tags, (a, terms) => a.Tags = terms);
        var categories = Group(placed, TermKind.Category, a => a.Source.Categories, (a, terms) => a.Categories = terms);
        FindRelated(placed, placed, settings.RelatedCount);

        var days = Archives(placed, ArchiveKind.Day, d => d);
        var months = Archives(placed, ArchiveKind.Month, d => new DateOnly(d.Year, d.Month, 1));
        var years = Archives(placed, ArchiveKind.Year, d => new DateOnly(d.Year, 1, 1));
        Nest(days, months);
        Nest(months, years);
        var site = new Site
        {
            Settings = settings,
            Articles = placed,
            Pages = pages,
            Tags = tags,
            Categories = categories,
            Days = days,
            Months = months,
            Years = years,
        };
        ReportGeneratedUrls(site, diagnostics);
        return (site, null);
    }

    private static (Site, ModelPatch)? Reuse(Site previous, IReadOnlyList<Article> articles, SiteSettings settings, DiagnosticBag diagnostics)
    {
        if (articles.Count != previous.Articles.Count + previous.Pages.Count)
        {
            return null;
        }

        var placed = previous.Articles.Concat(previous.Pages).ToDictionary(a => a.Source.SourcePath, StringComparer.Ordinal);
        var replaced = new List<(SiteArticle Placed, Article Source)>();
        var (retagged, recategorized) = (false, false);
        foreach (var article in articles)
        {
            if (!placed.TryGetValue(article.SourcePath, out var before) || !PlacedAlike(before, article, settings))
            {
                return null;
            }

            if (!ReferenceEquals(before.Source, article))
            {
                replaced.Add((before, article));
                retagged |= !article.IsPage && !before.Source.Tags.SequenceEqual(article.Tags, StringComparer.Ordinal);
                recategorized |= !article.IsPage && !before.Source.Categories.SequenceEqual(article.Categories, StringComparer.Ordinal);
            }
        }

        foreach (var (before, source) in replaced)
        {
            before.Source = source;
        }

        return retagged || recategorized
            ? Reterm(previous, retagged, recategorized, settings, diagnostics)
            : (With(previous, previous.Tags, previous.Categories), new ModelPatch(previous, [], [], []));
    }

    /// <summary>
    /// Groups the terms of each kind that changed again as <see cref="Build"/> does; a term with the same name and articles as before stays the
    /// object it was, so that the patch names only what changed. Only articles on the timeline of a changed term can
    /// have other related articles.
    /// </summary>
    private static (Site, ModelPatch) Reterm(Site previous, bool retagged, bool recategorized, SiteSettings settings, DiagnosticBag diagnostics)
    {
        var articles = previous.Articles;
        var before = articles.Select(a => (a.Tags, a.Categories, a.Related)).ToArray();
        var changes = new TermChanges();
        var tags = retagged ? Group(articles, TermKind.Tag, a => a.Source.Tags, (a, terms) => a.Tags = terms, previous.Tags, changes) : previous.Tags;
        var categories = recategorized
            ? Group(articles, TermKind.Category, a => a.Source.Categories, (a, terms) => a.Categories = terms, previous.Categories, changes)
            : previous.Categories;
        var retermed = articles.Where((a, i) => !a.Tags.SequenceEqual(before[i].Tags) || !a.Categories.SequenceEqual(before[i].Categories)).ToList();

        var onChangedTimelines = changes.Replaced.Concat(changes.Made).SelectMany(t => t.Articles).Distinct().ToList();
        FindRelated(articles, onChangedTimelines, settings.RelatedCount);
        var rerelated = onChangedTimelines.Where(a => !a.Related.SequenceEqual(before[a.Index].Related)).ToList();

        var site = With(previous, tags, categories);
        ReportGeneratedUrls(site, diagnostics);
        return (site, new ModelPatch(previous, retermed, rerelated, changes.Replaced));
    }

    private static Site With(Site previous, IReadOnlyList<Term> tags, IReadOnlyList<Term> categories) => new()
    {
        Settings = previous.Settings,
        Articles = previous.Articles,
        Pages = previous.Pages,
        Tags = tags,
        Categories = categories,
        Days = previous.Days,
        Months = previous.Months,
        Years = previous.Years,
    };

    /// <summary>Whether a new reading of a file puts the article where it was: its order, its URL, its archives; not its terms.</summary>
    private static bool PlacedAlike(SiteArticle placed, Article article, SiteSettings settings)
    {
        var before = placed.Source;
        return ReferenceEquals(before, article)
            || (before.IsPage == article.IsPage && before.Date == article.Date && placed.Url == UrlOf(article, settings)
                && (!article.IsPage || (before.MenuOrder == article.MenuOrder && before.Title == article.Title)));
    }

    private static SiteArticle Place(Article article, SiteSettings settings) =>
        new(article, UrlOf(article, settings), TimeZoneInfo.ConvertTime(article.Date!.Value, settings.TimeZone));

    /// <summary>A standalone page's URL is its slug; an article's comes from the permalink setting.</summary>
    private static string UrlOf(Article article, SiteSettings settings) =>
        article.IsPage
            ? "/" + article.Slug + "/"
            : Permalinks.Expand(settings.Permalink, TimeZoneInfo.ConvertTime(article.Date!.Value, settings.TimeZone), article.Slug, article.FileName);

    private static void ReportDuplicateUrls(IEnumerable<SiteArticle> articles, DiagnosticBag diagnostics)
    {
        foreach (var group in articles.GroupBy(a => a.Url, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = group.Select(a => a.Source.SourcePath).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var others = string.Join(" and ", files.Where(f => f != file));
                diagnostics.Error(file, 1, 1, DiagnosticCodes.DuplicateUrl,
                    $"this article and {others} would both be written to {group.Key}. Give one of them a different 'slug'.");
            }
        }
    }

    /// <summary>The URLs of the pages Digest makes itself, each with what it is, for messages.</summary>
    private static Dictionary<string, string> GeneratedUrls(Site site)
    {
        var (tags, categories) = (site.Tags, site.Categories);
        IEnumerable<Archive> archives = site.Settings.Archives ? [.. site.Days, .. site.Months, .. site.Years] : [];
        var urls = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/"] = "the home page",
            ["/tags/"] = "the tags index",
            ["/categories/"] = "the categories index",
        };
        foreach (var tag in tags)
        {
            urls.TryAdd(tag.Url, $"the page of the tag '{tag.Name}'");
        }

        foreach (var category in categories)
        {
            urls.TryAdd(category.Url, $"the page of the category '{category.Name}'");
        }

        foreach (var archive in archives)
        {
            urls.TryAdd(archive.Url, $"the archive of {archive.Title}");
        }

        return urls;
    }

    /// <summary>
    /// An article or page at the URL of a generated page would be overwritten by it or overwrite it; found here,
    /// before rendering, so the report names the file and does not depend on which page rendered first.
    /// </summary>
    private static void ReportGeneratedUrls(Site site, DiagnosticBag diagnostics)
    {
        var generated = GeneratedUrls(site);
        foreach (var article in site.Articles.Concat(site.Pages))
        {
            if (generated.TryGetValue(article.Url, out var what))
            {
                diagnostics.Error(article.Source.SourcePath, 1, 1, DiagnosticCodes.DuplicateUrl,
                    $"this {(article.Source.IsPage ? "page" : "article")} would be written to {article.Url}, the URL of {what}. Give it a different 'slug'.");
            }
        }
    }

    /// <summary>Merges names case-insensitively (and by slug); the display name is the first spelling seen, oldest article first.</summary>
    /// <param name="earlier">The same kind's terms in the model regrouped, whose unchanged terms are kept; null in a new model.</param>
    private static IReadOnlyList<Term> Group(IReadOnlyList<SiteArticle> articles, TermKind kind, Func<SiteArticle, IReadOnlyList<string>> names,
        Action<SiteArticle, IReadOnlyList<Term>> assign, IReadOnlyList<Term>? earlier = null, TermChanges? changes = null)
    {
        var bySlug = new Dictionary<string, Term>(StringComparer.Ordinal);
        var bySpelling = new Dictionary<string, Term>(StringComparer.OrdinalIgnoreCase);
        var termsOf = new List<Term>[articles.Count];
        for (var i = articles.Count - 1; i >= 0; i--)
        {
            var own = new List<Term>();
            foreach (var name in names(articles[i]))
            {
                if (!bySpelling.TryGetValue(name, out var term))
                {
                    var slug = Slugs.SlugifyNonEmpty(name, kind == TermKind.Tag ? "tag" : "category");
                    if (!bySlug.TryGetValue(slug, out term))
                    {
                        term = new Term(kind, name.Normalize(System.Text.NormalizationForm.FormC), slug);
                        bySlug.Add(slug, term);
                    }

                    bySpelling.Add(name, term);
                }

                if (!own.Contains(term))
                {
                    own.Add(term);
                }
            }

            termsOf[i] = own;
        }

        // Filling in newest-first order gives every term its articles newest first.
        for (var i = 0; i < articles.Count; i++)
        {
            foreach (var term in termsOf[i])
            {
                term.Articles.Add(articles[i]);
            }
        }

        var allKept = earlier is not null && Keep(bySlug, termsOf, earlier, changes!);
        for (var i = 0; i < articles.Count; i++)
        {
            assign(articles[i], termsOf[i]);
        }

        // The same list when every term was kept: what shows all terms of the kind stays as it was.
        return allKept ? earlier! : [.. bySlug.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal)];
    }

    /// <summary>Puts back every earlier term that is the same (name, slug, articles in order) as its regrouped one.</summary>
    /// <returns>Whether every earlier term was kept and none made.</returns>
    private static bool Keep(Dictionary<string, Term> bySlug, List<Term>[] termsOf, IReadOnlyList<Term> earlier, TermChanges changes)
    {
        var earlierBySlug = earlier.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var kept = new Dictionary<Term, Term>(ReferenceEqualityComparer.Instance);
        var (made, replaced) = (changes.Made.Count, changes.Replaced.Count);
        foreach (var term in bySlug.Values)
        {
            if (earlierBySlug.Remove(term.Slug, out var old) && old.Name == term.Name && old.Articles.SequenceEqual(term.Articles))
            {
                kept.Add(term, old);
            }
            else
            {
                changes.Made.Add(term);
                if (old is not null)
                {
                    changes.Replaced.Add(old);
                }
            }
        }

        changes.Replaced.AddRange(earlierBySlug.Values);
        foreach (var old in kept.Values)
        {
            bySlug[old.Slug] = old;
        }

        foreach (var own in termsOf)
        {
            for (var i = 0; i < own.Count; i++)
            {
                own[i] = kept.GetValueOrDefault(own[i], own[i]);
            }
        }

        return changes.Made.Count == made && changes.Replaced.Count == replaced;
    }

    /// <summary>
    /// Scores neighbours on each shared term's timeline: two points per shared tag, one for a shared category;
    /// ties go to the article nearer in time. Looking only at nearby articles keeps this linear in the site's size.
    /// </summary>
    /// <param name="which">The articles whose related articles are to be found (all of them in a new model).</param>
    private static void FindRelated(IReadOnlyList<SiteArticle> articles, IEnumerable<SiteArticle> which, int count)
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

    private static List<Archive> Archives(List<SiteArticle> articles, ArchiveKind kind, Func<DateOnly, DateOnly> period)
    {
        var archives = new List<Archive>();
        foreach (var article in articles)
        {
            var date = period(DateOnly.FromDateTime(article.LocalDate.DateTime));
            if (archives.Count == 0 || archives[^1].Date != date)
            {
                archives.Add(new Archive(kind, date));
            }

            archives[^1].Articles.Add(article);
        }

        for (var i = 0; i < archives.Count; i++)
        {
            archives[i].Newer = i > 0 ? archives[i - 1] : null;
            archives[i].Older = i + 1 < archives.Count ? archives[i + 1] : null;
        }

        return archives;
    }

    /// <summary>Both lists are newest first, so each child's parent is found in one pass.</summary>
    private static void Nest(List<Archive> children, List<Archive> parents)
    {
        var p = 0;
        foreach (var child in children)
        {
            while (!Contains(parents[p], child.Date))
            {
                p++;
            }

            child.Parent = parents[p];
            parents[p].Children.Add(child);
        }
    }

    private static bool Contains(Archive parent, DateOnly date) =>
        parent.Kind == ArchiveKind.Year ? parent.Date.Year == date.Year : parent.Date.Year == date.Year && parent.Date.Month == date.Month;

    /// <summary>What regrouping found against the terms before: the terms it no longer has, and those it made in their place or anew.</summary>
    private sealed class TermChanges
    {
        public List<Term> Replaced { get; } = [];
        public List<Term> Made { get; } = [];
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
