using System.Text.RegularExpressions;

namespace Digest.Importing;

/// <summary>
/// Suggests tags from a story's text: the proper names it repeats (runs of capitalised words and acronyms, English,
/// Russian (and titles of office).or Armenian), most frequent first, stop words and calendar words dropped. Off unless asked for, and capped, so
/// that an import never invents hundreds of tags.
/// </summary>
public static partial class TagSuggester
{
    /// <summary>The most a story is given, whatever is asked: tags are for finding, not for indexing every name.</summary>
    public const int MaxTags = 10;

    /// <summary>A name counts when the story uses it this often.</summary>
    private const int MinMentions = 2;

    private static readonly HashSet<string> StopWords = new(
    [
        // English: words that start sentences, titles of address and office, days and months.
        "a", "an", "the", "and", "but", "or", "nor", "so", "yet", "in", "on", "at", "by", "for", "from", "to", "of", "with",
        "as", "if", "when", "while", "after", "before", "since", "until", "because", "although", "though", "however",
        "meanwhile", "moreover", "also", "then", "there", "here", "this", "that", "these", "those", "it", "its", "he", "she",
        "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "who", "what", "which", "where", "why", "how",
        "not", "no", "yes", "today", "yesterday", "all", "some", "many", "most", "more", "one", "two", "three", "mr", "mrs", "ms", "dr", "sir",
        "president", "prime", "minister", "spokesman", "spokeswoman", "chairman", "mayor", "general",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "said", "says",
        // Russian (and titles of office).
        "и", "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "при", "но", "а", "или",
        "он", "она", "оно", "они", "мы", "вы", "я", "это", "этот", "эта", "эти", "тот", "так", "как", "также", "однако",
        "если", "когда", "сегодня", "вчера", "после", "перед", "уже", "еще", "ещё", "не", "нет", "да", "все", "всё", "по", "президент", "премьер-министр", "министр", "глава", "мэр",
        "понедельник",
        "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "января", "февраля", "марта", "апреля", "мая",
        "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
        // Armenian (and titles of office).
        "և", "եւ", "ու", "այս", "այդ", "այն", "նա", "նրանք", "մենք", "դուք", "ես", "բայց", "իսկ", "որ", "թե", "եթե", "երբ",
        "հետո", "այսօր", "երեկ", "նաև", "նաեւ", "սակայն", "քանի", "որպես", "մասին", "համար", "հետ", "վրա", "մեջ", "ըստ", "նախագահ", "վարչապետ", "նախարար", "հունվարի",
        "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի", "հոկտեմբերի",
        "նոյեմբերի", "դեկտեմբերի",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Up to <paramref name="max"/> names (at most <see cref="MaxTags"/>) that the text mentions at least twice.</summary>
    public static IReadOnlyList<string> Suggest(string text, int max)
    {
        max = Math.Min(max, MaxTags);
        if (max <= 0)
        {
            return [];
        }

        var counts = new Dictionary<string, (string Name, int Count, int First)>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Name().Matches(text.Replace("\\", "", StringComparison.Ordinal)))
        {
            // "Russia’s" counts as "Russia".
            var words = match.Value.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w).ToList();
            // "The Kremlin" is "Kremlin"; "In Moscow" is "Moscow".
            while (words.Count > 0 && StopWords.Contains(words[0]))
            {
                words.RemoveAt(0);
            }

            while (words.Count > 0 && StopWords.Contains(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            if (words.Count == 0 || words.Count == 1 && words[0].Length < 3)
            {
                continue;
            }

            var name = string.Join(' ', words).TrimEnd('\'', '’', '-');
            counts[name] = counts.TryGetValue(name, out var seen) ? seen with { Count = seen.Count + 1 } : (name, 1, match.Index);
        }

        // A surname alone ("Zakharova") counts for the one full name that ends with it ("Maria Zakharova").
        foreach (var single in counts.Values.Where(c => !c.Name.Contains(' ', StringComparison.Ordinal)).ToList())
        {
            var full = counts.Values.Where(c => c.Name.EndsWith(" " + single.Name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            if (full.Count == 1)
            {
                counts[full[0].Name] = full[0] with { Count = full[0].Count + single.Count, First = Math.Min(full[0].First, single.First) };
                counts.Remove(single.Name);
            }
        }

        return [.. counts.Values.Where(c => c.Count >= MinMentions)
            .OrderByDescending(c => c.Count).ThenBy(c => c.First)
            .Take(max).Select(c => c.Name)];
    }

    /// <summary>Up to three capitalised words in a row (letters of any script), or an acronym.</summary>
    [GeneratedRegex(@"\b(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}{2,6}\b)(?:[ \t]+(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}{2,6}\b)){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
