using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Digest.Preview;

/// <summary>
/// Answers requests with the built site as GitHub Pages would: directory URLs serve index.html (a folder without
/// the slash redirects to it), a missing file gets the site's 404.html with status 404, and <c>base_url</c>'s path is
/// the root. GET and HEAD only, with ETag and Last-Modified for conditional requests. HTML gets the live reload
/// script at serve time, so built files never contain it.
/// </summary>
internal sealed class SiteResponder(SitePathResolver resolver, LiveReloadHub? liveReload)
{
    private const string NotFoundPage = "404.html";
    private static readonly byte[] BodyEnd = "</body>"u8.ToArray();

    /// <summary>The path part of base_url without its trailing '/': "" or "/repo". Changes when digest.yml does.</summary>
    public string BasePath { get; set; } = "";

    public async Task RespondAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.Value ?? "/";
        if (liveReload is not null && path == LiveReloadHub.EventsPath)
        {
            await liveReload.ServeEventsAsync(context);
            return;
        }

        if (liveReload is not null && path == LiveReloadHub.ScriptPath)
        {
            await LiveReloadHub.ServeScriptAsync(context);
            return;
        }

        // Kestrel has already decoded %2e and dropped dot segments from Request.Path; refuse them in the raw target
        // too, so that no spelling of a way out reaches the file system.
        var rawPath = context.Features.Get<IHttpRequestFeature>()?.RawTarget.Split('?', 2)[0] ?? path;
        if (!SitePathResolver.IsWellFormed(Uri.UnescapeDataString(rawPath)) || !SitePathResolver.IsWellFormed(path))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var basePath = BasePath;
        if (basePath.Length > 0 && (path == "/" || path == basePath))
        {
            Redirect(context, basePath + "/");
            return;
        }

        if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            await NotFoundAsync(context);
            return;
        }

        var relative = path[(basePath.Length + 1)..];
        var resolved = resolver.Resolve(relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
        if (resolved is null)
        {
            await NotFoundAsync(context);
        }
        else if (resolved.Value.IsDirectory)
        {
            Redirect(context, path + "/");
        }
        else
        {
            await SendFileAsync(context, resolved.Value.Path, StatusCodes.Status200OK);
        }
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        if (resolver.Resolve(NotFoundPage) is { IsDirectory: false } page)
        {
            await SendFileAsync(context, page.Path, StatusCodes.Status404NotFound);
            return;
        }

        // No 404.html: the site has none, or its first build failed. An HTML page still carries the live reload
        // script, so the error overlay shows and the page reloads once the site builds.
        var body = Encoding.UTF8.GetBytes("<!doctype html>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n<body>\n<p>Not found.</p>\n</body>\n");
        body = liveReload is null ? body : Inject(body);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>302, not 301: a browser caches a permanent redirect, and what is a folder today may be a file tomorrow.</summary>
    private static void Redirect(HttpContext context, string path)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = path + context.Request.QueryString.Value;
    }

    /// <summary>
    /// Serves one version of the file whole: it is opened once, and a rebuild renames new files over old ones. The
    /// ETag is the open file's size and time, so a conditional request reads nothing; only HTML, which gets the live
    /// reload script, is read into memory, and every other file (a sitemap runs to megabytes) is streamed.
    /// </summary>
    private async Task SendFileAsync(HttpContext context, string file, int status)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Removed by a rebuild between resolving and reading.
            if (status == StatusCodes.Status404NotFound)
            {
                context.Response.StatusCode = status;
                return;
            }

            await NotFoundAsync(context);
            return;
        }

        await using (stream)
        {
            var length = stream.Length;
            var written = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
            // HTTP dates have whole seconds; compare like with like.
            var lastModified = new DateTimeOffset(written.Ticks - (written.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var inject = liveReload is not null && IsHtml(file);
            var etag = new EntityTagHeaderValue($"\"{length:x}-{written.Ticks:x}{(inject ? "-live" : "")}\"");
            var response = context.Response;
            // Revalidate every time: the whole point of a preview is that files change.
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            if (status == StatusCodes.Status200OK && NotModified(context.Request.GetTypedHeaders(), etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            var head = new byte[inject ? length : Math.Min(length, ContentTypes.SniffLength)];
            await stream.ReadExactlyAsync(head, context.RequestAborted);
            response.StatusCode = status;
            response.ContentType = ContentTypes.For(file, head);
            var body = inject ? Inject(head) : head;
            response.ContentLength = inject ? body.Length : length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.Body.WriteAsync(body, context.RequestAborted);
                await stream.CopyToAsync(response.Body, context.RequestAborted);
            }
        }
    }

    /// <summary>RFC 9110: If-None-Match wins over If-Modified-Since when both are sent.</summary>
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    private static bool IsHtml(string file) =>
        file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page with the script tag before its last &lt;/body&gt; (or at the end when it has none).</summary>
    private static byte[] Inject(byte[] html)
    {
        var tag = Encoding.UTF8.GetBytes(LiveReloadHub.ScriptTag);
        var at = LastIndexOfIgnoreCase(html, BodyEnd);
        if (at < 0)
        {
            at = html.Length;
        }

        var result = new byte[html.Length + tag.Length];
        html.AsSpan(0, at).CopyTo(result);
        tag.CopyTo(result.AsSpan(at));
        html.AsSpan(at).CopyTo(result.AsSpan(at + tag.Length));
        return result;
    }

    private static int LastIndexOfIgnoreCase(byte[] haystack, byte[] needle)
    {
        for (var i = haystack.Length - needle.Length; i >= 0; i--)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
            {
                match = char.ToLowerInvariant((char)haystack[i + j]) == (char)needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
