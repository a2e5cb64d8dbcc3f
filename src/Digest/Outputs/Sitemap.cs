using Digest.Content;

namespace Digest.Outputs;

/// <summary>sitemap.xml (sitemaps.org 0.9): every HTML page with its last change.</summary>
internal static class Sitemap
{
    public static byte[] Write(IEnumerable<(string AbsoluteUrl, DateTimeOffset? LastModified)> pages) => XmlOutput.Write(w =>
    {
        w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        foreach (var (url, lastModified) in pages)
        {
            w.WriteStartElement("url");
            w.WriteElementString("loc", url);
            if (lastModified is { } date)
            {
                w.WriteElementString("lastmod", Dates.ToRfc3339(date.ToUniversalTime()));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    });
}
