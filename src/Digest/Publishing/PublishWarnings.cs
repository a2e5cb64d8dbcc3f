using System.Net;
using Digest.Diagnostics;
using Digest.Yaml;
using YamlDotNet.RepresentationModel;

namespace Digest.Publishing;

/// <summary>
/// What tells that a wrong site is about to go out (issue 16 point 5): an address no reader can open, a custom domain
/// that is not the site's, sources that are not what the history holds. Warnings only: each can be meant.
/// </summary>
internal static class PublishWarnings
{
    /// <summary>
    /// Reserved for documentation and tests (RFC 2606, RFC 6761): no reader's browser reaches a site there or under it.
    /// </summary>
    private static readonly string[] ReservedDomains = ["example.com", "example.org", "example.net", "example", "test", "invalid", "localhost"];

    /// <summary>What the build reads from the site folder; a change anywhere else does not change the site.</summary>
    private static readonly string[] Sources = [SiteLayout.SettingsFile, SiteLayout.InputFolder, SiteLayout.ThemeFolder];

    public static void CheckAddress(PublishOptions options, DiagnosticBag diagnostics)
    {
        var host = options.BaseUrl.DnsSafeHost.TrimEnd('.').ToLowerInvariant();
        if (IsLocalOrExample(host))
        {
            var (path, line, column) = options.BaseUrlFromCommandLine ? ("--base-url", 0, 0) : SettingPosition(options, "base_url");
            diagnostics.Warning(path, line, column, DiagnosticCodes.LocalOrExampleBaseUrl,
                $"base_url is {options.BaseUrl}, an address readers cannot reach, so every link and feed of the published site points there. Set base_url to the site's address, like https://owner.github.io/repo/.");
        }

        // custom_domain is written over the output's own CNAME; a link there is judged as a link, not read.
        var outputCname = Path.Combine(Path.GetFullPath(options.OutputDirectory), "CNAME");
        var published = options.CustomDomain.Length > 0 ? options.CustomDomain
            : File.Exists(outputCname) && new FileInfo(outputCname).LinkTarget is null ? File.ReadAllText(outputCname)
            : null;
        if (published is null)
        {
            return;
        }

        // GitHub Pages reads the first line of CNAME; a host name ends with an optional dot and ignores case.
        var domain = published.Split('\n')[0].Trim().TrimEnd('.');
        if (!string.Equals(domain, host, StringComparison.OrdinalIgnoreCase))
        {
            var (path, line, column) = options.CustomDomain.Length > 0
                ? SettingPosition(options, "custom_domain")
                : (BranchPublisher.Located(outputCname, options), 1, 1);
            diagnostics.Warning(path, line, column, DiagnosticCodes.CnameMismatch,
                $"the published CNAME binds the site to '{domain}', but base_url's host is '{host}', so links lead to the other address (or GitHub Pages redirects every visit). Make custom_domain (or the output's CNAME) and base_url name the same host.");
        }
    }

    /// <summary>Whether the site's sources differ from HEAD (untracked files included); warns once, naming the first file.</summary>
    public static async Task<bool> CheckCommittedAsync(string top, PublishOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var site = new Git(options.RepositoryDirectory);
        var status = await site.RunAsync(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", .. Sources.Select(s => ":(literal)" + s)],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        // Entries are "XY path", relative to the top; a rename or copy (X is R or C) is followed by the old path.
        var entries = status.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var changed = new List<string>();
        for (var i = 0; status.Succeeded && i < entries.Length; i++)
        {
            changed.Add(entries[i][3..]);
            i += entries[i][0] is 'R' or 'C' ? 1 : 0;
        }

        if (changed.Count == 0)
        {
            return false;
        }

        var first = BranchPublisher.Located(Path.GetFullPath(Path.Combine(top, changed[0])), options);
        var more = changed.Count == 1 ? "" : $" (and {changed.Count - 1} more)";
        diagnostics.Warning(first, 0, 0, DiagnosticCodes.UncommittedSources,
            $"this file{more} of the site's sources is not committed, so the published site is not one the history holds; the publish commit says '(built from uncommitted changes)'. Commit the sources first, or publish knowing it.");
        return true;
    }

    private static bool IsLocalOrExample(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        }

        return ReservedDomains.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal));
    }

    /// <summary>Where digest.yml sets <paramref name="key"/> (the last time, as it is the one that counts), or the file itself.</summary>
    private static (string Path, int Line, int Column) SettingPosition(PublishOptions options, string key)
    {
        var file = Path.Combine(options.RepositoryDirectory, SiteLayout.SettingsFile);
        var root = File.Exists(file) ? YamlText.Load(File.ReadAllText(file), out _) as YamlMappingNode : null;
        var setting = root?.Children.Keys.LastOrDefault(k => string.Equals((k as YamlScalarNode)?.Value, key, StringComparison.OrdinalIgnoreCase));
        return setting is null ? (SiteLayout.SettingsFile, 0, 0) : (SiteLayout.SettingsFile, (int)setting.Start.Line, (int)setting.Start.Column);
    }
}
