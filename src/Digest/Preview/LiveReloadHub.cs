using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Digest.Preview;

/// <summary>
/// The server-sent event stream every open tab listens to: <c>reload</c> after a good rebuild, <c>css</c> when only
/// stylesheets changed, <c>build-error</c> with the diagnostics when a build failed. A tab that connects while the
/// site is broken gets the error at once.
/// </summary>
internal sealed class LiveReloadHub : IDisposable
{
    public const string EventsPath = "/__digest/events";
    public const string ScriptPath = "/__digest/live-reload.js";
    private static readonly byte[] Script = LoadScript();
    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile string? _currentError;

    /// <summary>The tag injected before <c>&lt;/body&gt;</c> of HTML responses.</summary>
    public static string ScriptTag => $"<script src=\"{ScriptPath}\"></script>";

    public int ClientCount => _clients.Count;

    public void Reload() => Publish("reload", "{}");

    public void SwapStylesheets() => Publish("css", "{}");

    public void BuildFailed(IEnumerable<string> diagnostics) =>
        Publish("build-error", DiagnosticsJson(diagnostics));

    /// <summary><c>{"diagnostics": [...]}</c>, written without reflection so that the tool can be compiled ahead of time.</summary>
    private static string DiagnosticsJson(IEnumerable<string> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStringValue(diagnostic);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task ServeScriptAsync(HttpContext context)
    {
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = Script.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(Script, context.RequestAborted);
        }
    }

    public async Task ServeEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        _clients.TryAdd(channel, 0);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            // Reconnect quickly after the preview restarts.
            await WriteAsync(context, "retry: 500\n\n", done.Token);
            if (_currentError is { } error)
            {
                await WriteAsync(context, error, done.Token);
            }

            await foreach (var message in channel.Reader.ReadAllAsync(done.Token))
            {
                await WriteAsync(context, message, done.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab closed or the preview is stopping.
        }
        finally
        {
            _clients.TryRemove(channel, out _);
        }
    }

    /// <summary>Ends every open stream so the web server can stop without waiting for them.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void Publish(string eventName, string json)
    {
        var message = $"event: {eventName}\ndata: {json}\n\n";
        _currentError = eventName == "build-error" ? message : null;
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryWrite(message);
        }
    }

    private static async Task WriteAsync(HttpContext context, string message, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static byte[] LoadScript()
    {
        using var stream = typeof(LiveReloadHub).Assembly.GetManifestResourceStream("preview/live-reload.js")
            ?? throw new InvalidOperationException("The live reload script is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
