using System.Text.RegularExpressions;

namespace Digest.Importing;

/// <summary>
/// Reads a story pasted from mail or kept as plain text. The wire shape, top to bottom: optional header lines
/// (<c>Categories: Politics</c>, <c>Source:</c>, <c>URL:</c>…, and short mail-client leftovers), the title, a source line
/// ("TASS, Russia") and a date line ("Nov 17 2021") in either order or on one line, a standfirst, then the body whose
/// first paragraph may open with a dateline ("MOSCOW, November 17. /TASS/."). A plain text is the title, then the body.
/// </summary>
public static partial class WireTextReader
{
    /// <summary>A source line is short: an agency's name and maybe its country.</summary>
    private const int MaxMetaLineLength = 80;

    private const int MaxMetaLines = 3;

    /// <summary>The story, or null when the text has no title (nothing but blanks and header lines).</summary>
    public static ImportedStory? Read(string text, string origin, TimeZoneInfo zone)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        // Header lines and leftovers (a lone "X" a mail client left) up to the first line of text.
        var at = 0;
        for (; at < lines.Count; at++)
        {
            if (Header().Match(lines[at]) is { Success: true } header)
            {
                headers[Canonical(header.Groups["key"].Value)] = header.Groups["value"].Value.Trim();
            }
            else if (lines[at].Length >= 3)
            {
                break;
            }
        }

        // A "Title:" or "Subject:" header names the title; else it is the first line of text.
        var title = headers.GetValueOrDefault("title") ?? "";
        if (title.Length == 0 && at < lines.Count)
        {
            title = lines[at++];
        }

        if (title.Length == 0)
        {
            return null;
        }

        // Source and date lines right after the title, blank lines between them allowed.
        StoryDate? date = null;
        string? source = null;
        var meta = 0;
        var metaEnd = at;
        var lastMetaLine = -1;
        for (var i = at; i < lines.Count && meta < MaxMetaLines; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (!LooksLikeMeta(line, zone))
            {
                break;
            }

            if (date is null && WireDates.TryParse(line, zone, out var alone))
            {
                date = alone;
            }
            else if (date is null && SourceAndDate(line, zone) is { } both)
            {
                (source, date) = (both.Source, both.Date);
            }
            else if (source is null)
            {
                source = line;
            }
            else
            {
                break;
            }

            meta++;
            metaEnd = i + 1;
            lastMetaLine = i;
        }

        // A source line counts only beside a date line: otherwise a short first paragraph of a plain text would be taken for one.
        if (date is null)
        {
            source = null;
            metaEnd = at;
            lastMetaLine = -1;
        }

        var paragraphs = Paragraphs(lines, metaEnd);

        // The standfirst: text straight under the meta lines with no blank line between, or a first paragraph followed by a dateline.
        var summary = "";
        if (paragraphs.Count > 1 && (lastMetaLine >= 0 && metaEnd < lines.Count && lines[metaEnd].Length > 0
                                     || !Dateline().IsMatch(paragraphs[0]) && Dateline().IsMatch(paragraphs[1])))
        {
            summary = paragraphs[0].Replace('\n', ' ');
            paragraphs.RemoveAt(0);
        }

        if (headers.GetValueOrDefault("date") is { } headerDate && date is null && WireDates.TryParse(headerDate, zone, out var fromHeader))
        {
            date = fromHeader;
        }

        return new ImportedStory(origin, title, date, [.. paragraphs.Select(MarkdownText.Escape)])
        {
            Summary = summary,
            Source = headers.GetValueOrDefault("source") is { Length: > 0 } s ? s : source ?? "",
            SourceUrl = headers.GetValueOrDefault("url") ?? "",
            Authors = List(headers.GetValueOrDefault("author")),
            Categories = List(headers.GetValueOrDefault("categories")),
            Tags = List(headers.GetValueOrDefault("tags")),
        };
    }

    /// <summary>Blank-line separated paragraphs from <paramref name="start"/> on, their lines kept.</summary>
    private static List<string> Paragraphs(List<string> lines, int start)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        for (var i = start; i <= lines.Count; i++)
        {
            if (i == lines.Count || lines[i].Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join('\n', current));
                    current.Clear();
                }
            }
            else
            {
                current.Add(lines[i]);
            }
        }

        return paragraphs;
    }

    /// <summary>A short line that does not end a sentence: a source or a date, never a paragraph of the story.</summary>
    private static bool LooksLikeMeta(string line, TimeZoneInfo zone) =>
        line.Length <= MaxMetaLineLength && (line[^1] is not ('.' or '!' or '?' or '"' or '”' or ':' or '»') || WireDates.TryParse(line, zone, out _));

    /// <summary>"TASS, Nov 17 2021", "Reuters | 17.11.2021", "AFP — 17 November 2021".</summary>
    private static (string Source, StoryDate Date)? SourceAndDate(string line, TimeZoneInfo zone)
    {
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " — ", " – ", " - ", " · ", ", "])
        {
            for (var cut = line.IndexOf(separator, StringComparison.Ordinal); cut > 0; cut = line.IndexOf(separator, cut + 1, StringComparison.Ordinal))
            {
                if (WireDates.TryParse(line[(cut + separator.Length)..], zone, out var date))
                {
                    return (line[..cut].Trim(), date);
                }
            }
        }

        return null;
    }

    private static IReadOnlyList<string> List(string? value) =>
        value is null ? [] : [.. value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Canonical(string key) => key.ToLowerInvariant() switch
    {
        "category" or "categories" => "categories",
        "tag" or "tags" or "keywords" => "tags",
        "author" or "authors" or "by" => "author",
        "url" or "link" or "source url" or "source_url" => "url",
        "subject" or "title" or "headline" => "title",
        var other => other,
    };

    /// <summary>A header line with a key the importer knows (other "Key: value" lines may be a title).</summary>
    [GeneratedRegex(@"^(?<key>categories|category|tags?|keywords|source|source[ _]url|url|link|date|authors?|by|subject|title|headline|from|to|sent|cc)\s*:\s*(?<value>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    /// <summary>A dateline: a place in capitals, then a comma, a bracket or a dash ("MOSCOW, November 17.", "LONDON (Reuters) -").</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\p{M}'’.-]{2,}(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]+)*(?:,|\s+\(|\s+[—–-]\s)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
