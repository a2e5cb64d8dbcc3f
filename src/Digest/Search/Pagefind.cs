using System.ComponentModel;
using System.Diagnostics;
using Digest.Hashing;

namespace Digest.Search;

/// <summary>
/// Pagefind (pagefind.app), which indexes a built site into static files that a browser searches with no server. Digest
/// does not ship it: it runs the one the site installed with npm (<c>node_modules/.bin/pagefind</c> in the site folder,
/// as the workflow of <c>digest init</c> does), else the first <c>pagefind</c> on <c>PATH</c>.
/// </summary>
internal sealed class Pagefind
{
    /// <summary>The folder of the output the index goes to; the theme loads <c>/pagefind/pagefind-ui.js</c> from it.</summary>
    public const string BundleFolder = "pagefind";

    /// <summary>Where the build looks, for messages.</summary>
    public const string Locations = "node_modules/.bin/pagefind in the site folder, then pagefind on PATH";

    private Pagefind(string command, UInt128 identity)
    {
        Command = command;
        Identity = identity;
    }

    public string Command { get; }

    /// <summary>Changes when another Pagefind is installed, so that the next build indexes the site again.</summary>
    public UInt128 Identity { get; }

    /// <summary>The Pagefind a build of <paramref name="siteDirectory"/> runs; null when there is none.</summary>
    public static Pagefind? Find(string siteDirectory)
    {
        var windows = OperatingSystem.IsWindows();
        var local = Path.Combine(siteDirectory, "node_modules", ".bin", windows ? "pagefind.cmd" : "pagefind");
        if (File.Exists(local))
        {
            // npm gives every file of a package the same time, and a new version's wrapper may have the old one's size:
            // npm's record of what it installed (versions and checksums) tells versions apart instead.
            var installed = Path.Combine(siteDirectory, "node_modules", ".package-lock.json");
            return new Pagefind(local, Stamp(local).Add(File.Exists(installed) ? File.ReadAllBytes(installed) : []).Value);
        }

        string[] names = windows ? ["pagefind.exe", "pagefind.cmd"] : ["pagefind"];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return new Pagefind(Path.GetFullPath(candidate), Stamp(candidate).Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Indexes the HTML files under <paramref name="siteFolder"/> into <paramref name="bundleFolder"/>, all of them as
    /// <paramref name="language"/>: one index for the whole digest, so that the search page finds articles written in
    /// other languages too (Pagefind would otherwise make one per language and search only the page's own).
    /// </summary>
    /// <returns>Null when the index was made; else what went wrong, in a sentence.</returns>
    public string? Index(string siteFolder, string bundleFolder, string language, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--site", siteFolder, "--output-path", bundleFolder, "--force-language", language, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            return $"{Command} could not be started: {ex.Message.TrimEnd('.')}";
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode == 0)
            {
                return null;
            }

            // Pagefind prints its errors on either stream; the last lines say what stopped it.
            var said = string.Join(" ", (errors.Result + "\n" + output.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct().TakeLast(3));
            return $"{Command} exited with code {process.ExitCode}" + (said.Length > 0 ? $": {said.TrimEnd('.')}" : "");
        }
    }

    /// <summary>The file a command runs, through any links to it: its path, size and time.</summary>
    private static Fingerprint Stamp(string path)
    {
        var file = new FileInfo(path);
        var real = file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
        return new Fingerprint().Add(real.FullName).Add(real.Length).Add(real.LastWriteTimeUtc.Ticks);
    }
}
