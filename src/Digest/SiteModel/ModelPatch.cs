namespace Digest.SiteModel;

/// <summary>
/// How a model made from the last one differs from it, when every article kept its date, its URL and its place in the
/// order: which articles got other terms or other related articles, and which terms changed. Empty for an edit of bodies,
/// titles or summaries, which keeps the whole model.
/// </summary>
/// <param name="From">The model this one was made from.</param>
/// <param name="ArticlesWithNewTerms">Articles whose lists of tags or categories hold other terms than before (a changed term is a new object).</param>
/// <param name="ArticlesWithNewRelated">Articles whose related articles changed.</param>
/// <param name="ReplacedTerms">Terms of <paramref name="From"/> that this model no longer has: gone, or changed in name or articles.</param>
/// <param name="StoryMatesOfEdited">Articles not read again that report a story with one that was: what they show of their story may have changed.</param>
public sealed record ModelPatch(Site From, IReadOnlyList<SiteArticle> ArticlesWithNewTerms, IReadOnlyList<SiteArticle> ArticlesWithNewRelated, IReadOnlyList<Term> ReplacedTerms,
    IReadOnlyList<SiteArticle> StoryMatesOfEdited)
{
    /// <summary>
    /// Articles not read again whose own state (<c>ModelKeys</c>) may differ: those with other terms, and those whose
    /// story shows an article read again. Their story mates keep their places, so the pages that read each stay the same.
    /// </summary>
    public IEnumerable<SiteArticle> Rekeyed => ArticlesWithNewTerms.Concat(StoryMatesOfEdited);

    /// <summary>Whether the model is the same but for the articles' own values (bodies, titles, summaries).</summary>
    public bool MovesNothing => ArticlesWithNewTerms.Count == 0 && ArticlesWithNewRelated.Count == 0 && ReplacedTerms.Count == 0;
}
