using System.Net;
using System.Net.Http.Headers;

namespace Digest.Importing;

/// <summary>The failure of one fetch, said in words the importer reports as they are.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Fetches a feed over http(s) with a time limit and a size limit: a slow or endless answer stops the fetch, not the
/// import. Redirects are followed (at most five) but never from https to http or to another scheme.
/// </summary>
public sealed class FeedFetcher(HttpMessageHandler handler, TimeSpan timeout, long maxBytes) : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>No news feed is this big: larger answers are refused as they arrive.</summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    private readonly HttpClient _client = new(handler) { Timeout = timeout };

    /// <summary>A fetcher over the network.</summary>
    public static FeedFetcher Create() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5, AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(10) },
            DefaultTimeout, DefaultMaxBytes);

    public static bool IsUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body's bytes; throws <see cref="FetchException"/> on a timeout, an HTTP error or a body over the limit.</summary>
    public async Task<byte[]> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("digest-import", DigestVersion.Version));
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new FetchException($"the feed is {response.Content.Headers.ContentLength} bytes, more than the {maxBytes} bytes limit");
            }

            // The declared length may be missing or false: count what arrives.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new FetchException($"the feed is more than the {maxBytes} bytes limit");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"no answer within {timeout.TotalSeconds:0} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(ex.Message, ex);
        }
    }

    public void Dispose() => _client.Dispose();
}
