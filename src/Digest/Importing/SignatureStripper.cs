namespace Digest.Importing;

/// <summary>
/// Removes what a digest's readers add at the end of the stories they collect: signature quotes, mail footers,
/// "unsubscribe" lines. A trailing paragraph goes when it ends three or more different stories of the batch (told apart
/// by their titles and by their first paragraphs, so that copies of one story, however laid out or retitled, prove
/// nothing; two related stories may well end on the same background paragraph), when it begins with a text listed under
/// <c>import: signatures:</c> in digest.yml (it and all after it), or when it follows a mail signature line "-- ".
/// Only paragraphs at the end go: one that recurs in the middle of a story is part of it.
/// </summary>
public sealed class SignatureStripper
{
    /// <summary>
    /// Measured on the BBC corpus: 116 paragraphs end two of its stories (background shared by related stories, or one
    /// story under two titles), 4 end three, and the two correspondents' biographies end seven.
    /// </summary>
    private const int MinStories = 3;

    private readonly HashSet<string> _recurring;
    private readonly string[] _listed;

    private SignatureStripper(HashSet<string> recurring, string[] listed) => (_recurring, _listed) = (recurring, listed);

    /// <summary>Learns the recurring trailing paragraphs of a batch.</summary>
    /// <param name="signatures">Texts from digest.yml that start a signature.</param>
    public static SignatureStripper Learn(IReadOnlyList<ImportedStory> batch, IReadOnlyList<string> signatures)
    {
        // Trailing paragraph → the titles and the first paragraphs of the stories it ends.
        var endings = new Dictionary<string, (HashSet<string> Titles, HashSet<string> Leads)>(StringComparer.Ordinal);
        foreach (var story in batch)
        {
            if (story.Paragraphs.Count < 2)
            {
                continue;
            }

            var title = StoryText.Normalize(story.Title);
            var lead = StoryText.Normalize(story.Paragraphs[0]);
            // Up to the last three paragraphs: a signature of several paragraphs, or a footer under a quote.
            for (var i = story.Paragraphs.Count - 1; i >= Math.Max(1, story.Paragraphs.Count - 3); i--)
            {
                var paragraph = StoryText.Normalize(story.Paragraphs[i]);
                if (paragraph.Length == 0)
                {
                    continue;
                }

                if (!endings.TryGetValue(paragraph, out var stories))
                {
                    endings[paragraph] = stories = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                }

                stories.Titles.Add(title);
                stories.Leads.Add(lead);
            }
        }

        var recurring = endings.Where(e => Math.Min(e.Value.Titles.Count, e.Value.Leads.Count) >= MinStories).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return new SignatureStripper(recurring, [.. signatures.Select(StoryText.Normalize).Where(s => s.Length > 0)]);
    }

    /// <summary>The story without its signature paragraphs; the first paragraph always stays.</summary>
    public ImportedStory Strip(ImportedStory story)
    {
        var paragraphs = story.Paragraphs.ToList();
        var keep = paragraphs.Count;

        // "-- " alone on a line starts a mail signature (RFC 3676): the lines from it on go, and the paragraphs after it.
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var lines = paragraphs[i].Split('\n');
            var delimiter = Array.FindIndex(lines, l => l.TrimEnd() is "--" or "\\--");
            if (delimiter >= 0 && (i > 0 || delimiter > 0))
            {
                keep = delimiter > 0 ? i + 1 : i;
                paragraphs[i] = string.Join('\n', lines.Take(delimiter));
                break;
            }
        }

        // A listed signature: the paragraph it begins, and all after it.
        for (var i = 1; i < keep && _listed.Length > 0; i++)
        {
            var normalized = StoryText.Normalize(paragraphs[i]);
            if (_listed.Any(s => normalized.StartsWith(s, StringComparison.Ordinal)))
            {
                keep = i;
                break;
            }
        }

        while (keep > 1 && _recurring.Contains(StoryText.Normalize(paragraphs[keep - 1])))
        {
            keep--;
        }

        return keep == story.Paragraphs.Count && paragraphs.SequenceEqual(story.Paragraphs) ? story : story with { Paragraphs = [.. paragraphs.Take(keep)] };
    }
}
