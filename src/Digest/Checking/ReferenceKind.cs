namespace Digest.Checking;

/// <summary>What a URL found in an output file is for, so a report can say "image" rather than "link".</summary>
public enum ReferenceKind
{
    Link,
    Image,
    Stylesheet,
    Script,
    Resource,
    CssUrl,
    Metadata,
    FeedEntry,
    SitemapEntry,
}
