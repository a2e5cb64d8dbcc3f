using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Digest.Importing;

/// <summary>
/// The article file a story becomes: front matter written with YamlDotNet's emitter (every text double-quoted, so no
/// title, however hostile, can close the front matter, start a new key or read as null), then the Markdown body.
/// </summary>
public static class ArticleText
{
    /// <param name="slug">Written only when it is not the title's own slug (a second story of one title on one day).</param>
    public static string Render(ImportedStory story, StoryDate date, string? slug)
    {
        var yaml = new StringWriter { NewLine = "\n" };
        // No line width: a long title stays on one line instead of being folded.
        var emitter = new Emitter(yaml, new EmitterSettings(2, int.MaxValue, false, 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart());
        Text(emitter, "title", story.Title);
        Key(emitter, "date");
        emitter.Emit(new Scalar(null, null, date.ToFrontMatter(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
        Text(emitter, "source", story.Source);
        Text(emitter, "source_url", story.SourceUrl);
        List(emitter, "author", story.Authors);
        List(emitter, "categories", story.Categories);
        List(emitter, "tags", story.Tags);
        Text(emitter, "summary", story.Summary);
        Text(emitter, "slug", slug ?? "");
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());

        var text = new StringBuilder("---\n").Append(yaml.ToString().TrimEnd('\n')).Append("\n---\n");
        foreach (var paragraph in story.Paragraphs)
        {
            text.Append('\n').Append(paragraph).Append('\n');
        }

        return text.ToString();
    }

    private static void Key(Emitter emitter, string key) =>
        emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void Text(Emitter emitter, string key, string value)
    {
        if (value.Length > 0)
        {
            Key(emitter, key);
            emitter.Emit(Quoted(value));
        }
    }

    private static void List(Emitter emitter, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Key(emitter, key);
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (var value in values)
        {
            emitter.Emit(Quoted(value));
        }

        emitter.Emit(new SequenceEnd());
    }

    private static Scalar Quoted(string value) => new(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true);
}
