using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace Digest.Preview;

/// <summary>The Content-Type of a built file, as GitHub Pages would send it, with feeds told apart by their content.</summary>
internal static class ContentTypes
{
    /// <summary>How much of a file's start <see cref="For"/> looks at.</summary>
    public const int SniffLength = 1024;
    private static readonly FileExtensionContentTypeProvider ByExtension = new();

    public static string For(string path, ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, SniffLength)]);
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => "text/html",
            ".xml" when head.Contains("<feed", StringComparison.Ordinal) => "application/atom+xml",
            ".xml" when head.Contains("<rss", StringComparison.Ordinal) => "application/rss+xml",
            ".xml" => "application/xml",
            ".json" when head.Contains("jsonfeed.org/version", StringComparison.Ordinal) => "application/feed+json",
            ".json" => "application/json",
            ".txt" => "text/plain",
            ".css" => "text/css",
            ".js" or ".mjs" => "text/javascript",
            ".svg" => "image/svg+xml",
            ".webmanifest" => "application/manifest+json",
            _ => ByExtension.TryGetContentType(path, out var known) ? known : "application/octet-stream",
        };
        return IsText(type) ? type + "; charset=utf-8" : type;
    }

    private static bool IsText(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal)
        || (type.StartsWith("application/", StringComparison.Ordinal) && (type.EndsWith("xml", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)));
}
