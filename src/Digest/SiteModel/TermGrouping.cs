using Digest.Content;

namespace Digest.SiteModel;

/// <summary>Tags and categories: names grouped into terms, each term's articles newest first.</summary>
internal static class TermGrouping
{
    /// <summary>
    /// Merges names case-insensitively, by slug, and by <paramref name="aliases"/> (each spelling to the name whose slug
    /// the term takes); the display name is the first spelling seen, oldest article first, so each edition shows its own.
    /// </summary>
    /// <param name="prefix">The edition's URL prefix: "" or "/ru".</param>
    /// <param name="earlier">The same kind's terms in the model regrouped, whose unchanged terms are kept; null in a new model.</param>
    public static IReadOnlyList<Term> Group(IReadOnlyList<SiteArticle> articles, TermKind kind, string prefix, IReadOnlyDictionary<string, string> aliases,
        Func<SiteArticle, IReadOnlyList<string>> names,
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
                    var slug = Slugs.OfTerm(aliases.GetValueOrDefault(name, name), kind == TermKind.Tag);
                    if (!bySlug.TryGetValue(slug, out term))
                    {
                        term = new Term(kind, name, slug, prefix);
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

    /// <summary>What regrouping found against the terms before: the terms it no longer has, and those it made in their place or anew.</summary>
    public sealed class TermChanges
    {
        public List<Term> Replaced { get; } = [];
        public List<Term> Made { get; } = [];
    }
}
