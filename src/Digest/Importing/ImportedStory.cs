namespace Digest.Importing;

/// <summary>One story read from a wire text, a plain text or a feed item, before it becomes an article file.</summary>
/// <param name="Origin">Where it came from, as the user named it (a path, or a feed's URL with the item's position).</param>
/// <param name="Paragraphs">The body as Markdown blocks, in order; a wire dateline stays in the first.</param>
/// <param name="Date">Null when the text gave none: the importer then uses the file's time.</param>
public sealed record ImportedStory(string Origin, string Title, StoryDate? Date, IReadOnlyList<string> Paragraphs)
{
    public string Summary { get; init; } = "";
    public string Source { get; init; } = "";
    public string SourceUrl { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
}
