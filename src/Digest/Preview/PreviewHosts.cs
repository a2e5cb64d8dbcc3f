using System.Net;
using System.Net.Sockets;
using Digest.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Digest.Preview;

/// <summary>
/// Which requests the preview answers, against DNS rebinding, and whether its address reaches the network. A page at
/// evil.example whose name its owner makes resolve to 127.0.0.1 could otherwise read the preview, drafts and all, as
/// the browser deems it same-origin; its requests still say <c>Host: evil.example</c>. So only a Host that names this
/// machine is answered: <c>localhost</c> and names under <c>.localhost</c> (RFC 6761: always loopback), an IP address
/// (its page's origin is that address: nothing to rebind), and, when the preview listens beyond loopback, the machine's
/// own name. The port is not compared: rebinding does not need another one, and port forwarding
/// (<c>ssh -L 8080:localhost:5080</c>, a container) changes it.
/// </summary>
internal static class PreviewHosts
{
    /// <summary>Whether <c>--host</c> keeps the preview to this machine.</summary>
    public static bool IsLoopback(string listenHost) =>
        listenHost == "localhost" || (IPAddress.TryParse(listenHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>The names of this machine a request may give besides localhost and IP addresses: none on loopback.</summary>
    public static HashSet<string> OwnNames(string listenHost)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!IsLoopback(listenHost))
        {
            try
            {
                var name = Dns.GetHostName();
                names.Add(name);
                names.Add(name + ".local");
            }
            catch (SocketException)
            {
                // No host name: addresses and localhost still work.
            }
        }

        return names;
    }

    /// <summary>Whether a request's Host header names this preview; a request without one (HTTP/1.0, never a browser) is answered.</summary>
    public static bool Allows(HostString host, IReadOnlySet<string> ownNames)
    {
        if (!host.HasValue || host.Host.Length == 0)
        {
            return true;
        }

        var name = host.Host;
        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            return IPAddress.TryParse(name[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        if (IPAddress.TryParse(name, out _))
        {
            return true;
        }

        name = name.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || ownNames.Contains(name);
    }

    /// <summary>The 421 Misdirected Request a request for another host gets.</summary>
    public static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            $"{DiagnosticCodes.MisdirectedRequest}: this preview answers requests for localhost or an IP address of this machine, not for '{context.Request.Host.Host}'. Open it at the address digest preview printed.\n",
            context.RequestAborted);
    }

    /// <summary>A warning when <c>--host</c> makes the preview reachable from other machines; null on loopback.</summary>
    public static Diagnostic? NetworkWarning(string listenHost, int port) => IsLoopback(listenHost)
        ? null
        : new Diagnostic("--host", 0, 0, Severity.Warning, DiagnosticCodes.PreviewReachableFromNetwork,
            $"--host {listenHost} makes the preview reachable from the network: anyone who can reach this machine on port {port} can read the site, drafts included. Pass --host 127.0.0.1 (the default) to keep it to this machine.");
}
