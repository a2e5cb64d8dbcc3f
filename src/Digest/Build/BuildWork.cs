namespace Digest.Build;

/// <summary>What a model stage did: nothing (the last build's output still holds), revised the last model, or made one anew.</summary>
public enum ModelWork
{
    None,
    Revised,
    Built,
}

/// <summary>
/// How much work a build did, counted as it went: what tests of incremental builds assert, where
/// <see cref="StageTimings"/> says where the time went.
/// </summary>
public sealed class BuildWork
{
    /// <summary>Input files whose bytes were read because their size or time changed.</summary>
    public int FilesRead { get; internal set; }
    /// <summary>Articles and pages parsed: read files whose bytes had changed too.</summary>
    public int ArticlesParsed { get; internal set; }
    public ModelWork Model { get; internal set; }
    /// <summary>Articles whose keys (what the pages showing them depend on) were worked out, not kept from the last build.</summary>
    public int ArticlesKeyed { get; internal set; }
    /// <summary>Pages whose templates ran.</summary>
    public int PagesRendered { get; internal set; }
    /// <summary>Output files checked to be as the last build left them, when nothing else changed.</summary>
    public int OutputsVerified { get; internal set; }
    /// <summary>Whether Pagefind ran: false when there is no search, or the last index still holds.</summary>
    public bool SearchIndexed { get; internal set; }
    /// <summary>Whether the build cache was written.</summary>
    public bool CacheSaved { get; internal set; }
}
