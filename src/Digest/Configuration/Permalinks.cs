using System.Globalization;

namespace Digest.Configuration;

/// <summary>The article URL pattern: <c>/{year}/{month}/{day}/{slug}/</c> by default.</summary>
public static class Permalinks
{
    private static readonly string[] Tokens = ["{year}", "{month}", "{day}", "{slug}", "{filename}"];

    /// <summary>Null when the pattern is usable, else what is wrong with it.</summary>
    public static string? Validate(string pattern)
    {
        if (!pattern.StartsWith('/') || !pattern.EndsWith('/'))
        {
            return "must start and end with '/', like /{year}/{month}/{day}/{slug}/";
        }

        if (pattern.StartsWith("//", StringComparison.Ordinal) || pattern.Contains(':') || pattern.Contains('\\') || pattern.Contains("//", StringComparison.Ordinal))
        {
            return "must be a path on this site: no '//', ':' or '\\', which would make a link to another host, like /{year}/{month}/{day}/{slug}/";
        }

        if (!pattern.Contains("{slug}", StringComparison.Ordinal) && !pattern.Contains("{filename}", StringComparison.Ordinal))
        {
            return "must contain {slug} or {filename} so that every article gets its own URL";
        }

        var rest = Tokens.Aggregate(pattern, (p, t) => p.Replace(t, "", StringComparison.Ordinal));
        return rest.Contains('{') || rest.Contains('}') || rest.Contains("..", StringComparison.Ordinal)
            ? "may only use the tokens " + string.Join(" ", Tokens)
            : null;
    }

    /// <summary>The article's URL; the date is taken in the site's time zone so URLs match the daily editions.</summary>
    public static string Expand(string pattern, DateTimeOffset localDate, string slug, string fileName) => pattern
        .Replace("{year}", localDate.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", localDate.Month.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{day}", localDate.Day.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{slug}", slug, StringComparison.Ordinal)
        .Replace("{filename}", fileName, StringComparison.Ordinal);
}
