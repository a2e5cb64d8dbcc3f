namespace Digest.SiteModel;

/// <summary>Articles of several sources that report one event (see <see cref="StoryGrouping"/>): two or more, newest first.</summary>
public sealed class Story(IReadOnlyList<SiteArticle> articles)
{
    public IReadOnlyList<SiteArticle> Articles { get; } = articles;

    /// <summary>
    /// A list with one entry per story: each story's newest article in the list stands for it, and the story's other
    /// articles are left out; articles of no story stay. The list's order is kept.
    /// </summary>
    public static IReadOnlyList<SiteArticle> OneEntryEach(IReadOnlyList<SiteArticle> list)
    {
        if (list.All(a => a.Story is null))
        {
            return list;
        }

        var shown = new HashSet<Story>(ReferenceEqualityComparer.Instance);
        return [.. list.Where(a => a.Story is null || shown.Add(a.Story))];
    }
}
