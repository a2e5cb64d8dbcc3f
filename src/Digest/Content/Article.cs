using Digest.Bodies;
namespace Digest.Content;

/// <summary>One article or standalone page as read from its file: immutable, independent of the rest of the site.</summary>
public sealed record Article
{
    /// <summary>Site-relative source path with '/' separators, e.g. input/articles/rail.md.</summary>
    public required string SourcePath { get; init; }
    /// <summary>The file name without extension, slugified (for the <c>{filename}</c> permalink token).</summary>
    public required string FileName { get; init; }
    public required bool IsPage { get; init; }
    public required string Title { get; init; }
    /// <summary>Null only for standalone pages without a date.</summary>
    public required DateTimeOffset? Date { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public required string Slug { get; init; }
    public required string Summary { get; init; }
    /// <summary>The body as HTML, kept in the build's <see cref="ContentStore"/> rather than in memory.</summary>
    public required ArticleContent Content { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string Source { get; init; } = "";
    public string SourceUrl { get; init; } = "";
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Image { get; init; } = "";
    public string ImageAlt { get; init; } = "";
    /// <summary>The image's size in pixels (<c>image_width</c>, <c>image_height</c>), 0 when not given: pages reserve its space before it loads.</summary>
    public int ImageWidth { get; init; }
    public int ImageHeight { get; init; }
    public string Lang { get; init; } = "";
    /// <summary>What this article's translations share (<c>translation_key:</c>); "" when it names none.</summary>
    public string TranslationKey { get; init; } = "";
    /// <summary>The source path of the article this one translates (<c>translation_of:</c>), e.g. input/articles/rail.md; "" when none.</summary>
    public string TranslationOf { get; init; } = "";
    public int TranslationOfLine { get; init; }
    /// <summary>Layout name; null for the kind's default.</summary>
    public string? Layout { get; init; }
    public int LayoutLine { get; init; }
    public bool Draft { get; init; }
    public int MenuOrder { get; init; }
    public int WordCount { get; init; }
    public int ReadingMinutes { get; init; }
    /// <summary>Front matter keys Digest does not know, for templates.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
}
