using System.Globalization;
using System.IO.Enumeration;
using System.Text;
using Digest.Diagnostics;
using Digest.Files;

namespace Digest.Publishing;

/// <summary>
/// Commits a built site as the whole tree of a branch and pushes it, with git plumbing only: blobs are hashed into
/// the object store, the tree is made in a temporary index (<c>GIT_INDEX_FILE</c>), and the commit goes straight
/// to the remote. The user's working tree, index, HEAD and branches are never touched; when the push is refused,
/// no local ref has moved (the objects written stay unreachable until git's own garbage collection).
/// </summary>
public static class BranchPublisher
{
    private const string Tool = "digest publish";
    /// <summary>Where the branch comes from, named as the place of its problems.</summary>
    private const string BranchOption = "--branch";
    private const string FallbackName = "Digest";
    private const string FallbackEmail = "digest@localhost";

    public static async Task<PublishResult> PublishAsync(PublishOptions options, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            return await RunAsync(options, diagnostics, cancellationToken).ConfigureAwait(false);
        }
        catch (GitMissingException ex)
        {
            diagnostics.Error(Tool, 0, 0, DiagnosticCodes.GitFailed, ex.Message);
            return Failed(diagnostics);
        }
    }

    private static async Task<PublishResult> RunAsync(PublishOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var git = new Git(options.RepositoryDirectory);
        var top = await git.RunAsync(["rev-parse", "--show-toplevel"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!top.Succeeded)
        {
            diagnostics.Error(Tool, 0, 0, DiagnosticCodes.NotAGitRepository,
                $"{options.RepositoryDirectory} is not inside a git repository. Run 'git init' and 'git remote add {options.Remote} <url>' first, or use the GitHub Actions workflow.");
            return Failed(diagnostics);
        }

        git = new Git(top.Output.Trim());
        var remoteUrl = await git.RunAsync(["remote", "get-url", options.Remote], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!remoteUrl.Succeeded)
        {
            diagnostics.Error(Tool, 0, 0, DiagnosticCodes.MissingRemote,
                $"the repository has no remote named '{options.Remote}'. Add it with 'git remote add {options.Remote} <url>', or pass --remote with one of 'git remote'.");
            return Failed(diagnostics);
        }

        var branchRef = "refs/heads/" + options.Branch;
        if (!await CheckBranchAsync(git, options, branchRef, diagnostics, cancellationToken).ConfigureAwait(false))
        {
            return Failed(diagnostics);
        }

        PublishWarnings.CheckAddress(options, diagnostics);
        var uncommitted = await PublishWarnings.CheckCommittedAsync(top.Output.Trim(), options, diagnostics, cancellationToken).ConfigureAwait(false);
        var parent = await RemoteTipAsync(git, options, branchRef, remoteUrl.Output.Trim(), diagnostics, cancellationToken).ConfigureAwait(false);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics);
        }

        var (tree, files) = await WriteTreeAsync(git, options, diagnostics, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return Failed(diagnostics);
        }

        if (parent is not null)
        {
            var parentTree = await Required(git, ["rev-parse", parent + "^{tree}"], null, diagnostics, cancellationToken).ConfigureAwait(false);
            if (parentTree is null)
            {
                return Failed(diagnostics);
            }

            if (parentTree == tree)
            {
                return new PublishResult(diagnostics.ToSortedList(), parent, parent, files, Unchanged: true);
            }
        }

        var message = options.Message ?? await DefaultMessageAsync(git, cancellationToken).ConfigureAwait(false);
        if (uncommitted)
        {
            // On the subject line, which is what 'git log --oneline' and GitHub's lists show.
            var newline = message.IndexOf('\n', StringComparison.Ordinal);
            message = message.Insert(newline < 0 ? message.Length : newline, " (built from uncommitted changes)");
        }

        var committer = git.With(await IdentityFallbackAsync(git, cancellationToken).ConfigureAwait(false));
        string[] commitArguments = parent is null ? ["commit-tree", tree, "-F", "-"] : ["commit-tree", tree, "-p", parent, "-F", "-"];
        var commit = await Required(committer, commitArguments, message + "\n", diagnostics, cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            return Failed(diagnostics);
        }

        var push = await git.RunAsync(["push", "--quiet", options.Remote, $"{commit}:{branchRef}"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!push.Succeeded)
        {
            diagnostics.Error(Tool, 0, 0, DiagnosticCodes.PushRejected,
                $"'{options.Remote}' refused the push to {options.Branch}: {push.Reason}. Nothing was changed; fix the cause (access rights, branch protection, or someone else publishing at the same moment) and publish again.");
            return Failed(diagnostics);
        }

        return new PublishResult(diagnostics.ToSortedList(), commit, parent, files, Unchanged: false);
    }

    /// <summary>
    /// Refuses a branch that is not a plain name, and the branch the sources are on or track, whose history the site
    /// would replace. Anything else in a refspec (HEAD, refs/…, @{-1}, main~1, a leading '-') would push to another
    /// ref than the user thinks, or be read by git as an option.
    /// </summary>
    private static async Task<bool> CheckBranchAsync(Git git, PublishOptions options, string branchRef, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var branch = options.Branch;
        // check-ref-format --branch expands @{-1} (and in newer git @) to the branch it stands for: a plain name comes back unchanged.
        var plain = branch is not ("HEAD" or "@") && !branch.StartsWith('-') && !branch.StartsWith("refs/", StringComparison.Ordinal)
            && await git.RunAsync(["check-ref-format", "--branch", branch], cancellationToken: cancellationToken).ConfigureAwait(false)
                is { Succeeded: true } checkedName && checkedName.Output.TrimEnd('\n') == branch;
        if (!plain)
        {
            diagnostics.Error(BranchOption, 0, 0, DiagnosticCodes.InvalidPublishBranch,
                $"'{branch}' is not a plain branch name. Pass --branch with a name like gh-pages (not HEAD, refs/…, a revision or an option).");
            return false;
        }

        var head = await git.RunAsync(["symbolic-ref", "--quiet", "HEAD"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!head.Succeeded)
        {
            return true;
        }

        var current = head.Output.Trim();
        var upstream = await git.RunAsync(["config", "--get", $"branch.{current["refs/heads/".Length..]}.merge"], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var source = current == branchRef ? "the branch your checkout is on"
            : upstream.Succeeded && upstream.Output.Trim() == branchRef ? "the branch your checkout tracks"
            : null;
        if (source is not null)
        {
            diagnostics.Error(BranchOption, 0, 0, DiagnosticCodes.PublishBranchIsSource,
                $"'{branch}' is {source}: publishing would replace the site's sources with the built site. Pass --branch with another name, like gh-pages.");
            return false;
        }

        return true;
    }

    /// <summary>The branch's commit on the remote, fetched so that the new commit can have it as parent; null on first publish.</summary>
    private static async Task<string?> RemoteTipAsync(Git git, PublishOptions options, string branchRef, string remoteUrl,
        DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var listed = await git.RunAsync(["ls-remote", "--heads", options.Remote, branchRef], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            diagnostics.Error(Tool, 0, 0, DiagnosticCodes.MissingRemote,
                $"cannot reach the remote '{options.Remote}' ({remoteUrl}): {listed.Reason}. Check the URL with 'git remote -v' and your access to it.");
            return null;
        }

        var tip = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .FirstOrDefault(parts => parts.Length == 2 && parts[1] == branchRef)?[0];
        if (tip is null)
        {
            return null;
        }

        // --refmap= keeps fetch from moving remote-tracking refs, --no-write-fetch-head from touching FETCH_HEAD.
        var fetched = await git.RunAsync(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--refmap=", options.Remote, branchRef],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            diagnostics.Error(Tool, 0, 0, DiagnosticCodes.GitFailed, $"cannot fetch {options.Branch} from '{options.Remote}': {fetched.Reason}.");
            return null;
        }

        return tip;
    }

    /// <summary>Hashes every file of the output (plus .nojekyll and CNAME) and writes their tree; nothing outside .git/objects changes.</summary>
    private static async Task<(string? Tree, int Files)> WriteTreeAsync(Git git, PublishOptions options, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        var listed = new FileSystemEnumerable<(string Path, bool IsLink)>(output,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            // A link is listed as itself, never entered: what it leads to is judged by CheckLink, not read.
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        }.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var files = listed.Where(e => !e.IsLink).Select(e => e.Path).ToList();
        var links = listed.Where(e => e.IsLink).Select(e => e.Path).ToList();
        foreach (var link in links)
        {
            CheckLink(link, output, options, diagnostics);
        }

        if (diagnostics.HasErrors)
        {
            return (null, 0);
        }

        var entries = new SortedDictionary<string, (string Mode, string Blob)>(StringComparer.Ordinal);
        var blobs = await HashFilesAsync(git, files, diagnostics, cancellationToken).ConfigureAwait(false);
        if (blobs is null)
        {
            return (null, 0);
        }

        for (var i = 0; i < files.Count; i++)
        {
            entries[Slashed(Path.GetRelativePath(output, files[i]))] = (IsExecutable(files[i]) ? "100755" : "100644", blobs[i]);
        }

        // A link is stored as git stores one: its target as the blob. GitHub Pages serves what it leads to.
        foreach (var link in links)
        {
            var blob = await Required(git, ["hash-object", "-w", "--stdin"], Slashed(new FileInfo(link).LinkTarget!), diagnostics, cancellationToken)
                .ConfigureAwait(false);
            if (blob is null)
            {
                return (null, 0);
            }

            entries[Slashed(Path.GetRelativePath(output, link))] = ("120000", blob);
        }

        // GitHub Pages runs Jekyll over a branch without .nojekyll; CNAME binds the custom domain.
        var extra = new List<(string Path, string Content)>();
        if (!entries.ContainsKey(".nojekyll"))
        {
            extra.Add((".nojekyll", ""));
        }

        if (options.CustomDomain.Length > 0)
        {
            extra.Add(("CNAME", options.CustomDomain + "\n"));
        }

        foreach (var (path, content) in extra)
        {
            var blob = await Required(git, ["hash-object", "-w", "--no-filters", "--stdin"], content, diagnostics, cancellationToken).ConfigureAwait(false);
            if (blob is null)
            {
                return (null, 0);
            }

            entries[path] = ("100644", blob);
        }

        var index = Path.Combine(Path.GetTempPath(), "digest-publish-" + Guid.NewGuid().ToString("N") + ".index");
        try
        {
            var withIndex = git.With(new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index });
            var info = new StringBuilder();
            foreach (var (path, (mode, blob)) in entries)
            {
                info.Append(CultureInfo.InvariantCulture, $"{mode} {blob}\t{path}\0");
            }

            if (await Required(withIndex, ["update-index", "--add", "-z", "--index-info"], info.ToString(), diagnostics, cancellationToken).ConfigureAwait(false) is null)
            {
                return (null, 0);
            }

            return (await Required(withIndex, ["write-tree"], null, diagnostics, cancellationToken).ConfigureAwait(false), entries.Count);
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>
    /// Writes the files as blobs and returns their ids in the same order. The paths go as arguments, never as lines of
    /// --stdin-paths, where a newline in a file name would split it in two; batches keep each command line under the
    /// 32 767 characters Windows allows.
    /// </summary>
    private static async Task<List<string>?> HashFilesAsync(Git git, List<string> files, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        const int MaxArgumentsLength = 30_000;
        var blobs = new List<string>(files.Count);
        for (var next = 0; next < files.Count;)
        {
            List<string> arguments = ["hash-object", "-w", "--no-filters", "--"];
            for (var length = 0; next < files.Count && (arguments.Count == 4 || length + files[next].Length < MaxArgumentsLength); next++)
            {
                arguments.Add(files[next]);
                length += files[next].Length + 3;
            }

            var hashed = await Required(git, [.. arguments], null, diagnostics, cancellationToken).ConfigureAwait(false);
            if (hashed is null)
            {
                return null;
            }

            blobs.AddRange(hashed.Split('\n'));
        }

        return blobs;
    }

    /// <summary>
    /// Refuses a link unless it stays in the output: a relative target that never climbs above the output (its name
    /// there is not part of the published site), and leads, once every link is followed, to a file or folder inside it
    /// that does not hold the link. Otherwise publishing it would leak what it leads to, or publish a broken link or a loop.
    /// </summary>
    private static void CheckLink(string link, string output, PublishOptions options, DiagnosticBag diagnostics)
    {
        var target = new FileInfo(link).LinkTarget!;
        var depth = Path.GetRelativePath(output, Path.GetDirectoryName(link)!).Split(Path.DirectorySeparatorChar).Count(p => p is not ("." or ""));
        var climbs = Path.IsPathRooted(target);
        foreach (var part in target.Split(['/', Path.DirectorySeparatorChar]))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            climbs |= depth < 0;
        }

        var destination = SymbolicLinks.RealPath(link);
        var holder = SymbolicLinks.RealPath(Path.GetDirectoryName(link)!);
        var problem = climbs || (destination is not null && !SymbolicLinks.IsSameOrInside(destination, SymbolicLinks.RealPath(output) ?? output))
                ? "out of the output folder (or by an absolute path, which leads out once published)"
            : destination is null ? "to nothing, or links loop"
            : holder is not null && SymbolicLinks.IsSameOrInside(holder, destination) ? "to a folder that holds it, a loop"
            : null;
        if (problem is not null)
        {
            diagnostics.Error(Located(link, options), 0, 0, DiagnosticCodes.LinkOutsideOutput,
                $"this symbolic link leads {problem}, so it is not published, and nothing was. Replace it with a copy of what it should show, or with a relative link to a file of the output.");
        }
    }

    /// <summary>A path for a diagnostic: relative to the site folder when inside it, as the build names its files; otherwise full.</summary>
    internal static string Located(string path, PublishOptions options)
    {
        var site = Path.GetFullPath(options.RepositoryDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Slashed(SymbolicLinks.IsSameOrInside(path, site) ? Path.GetRelativePath(site, path) : path);
    }

    /// <summary>A path in git's form, with '/' (a backslash is part of a name except on Windows).</summary>
    private static string Slashed(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The user's own identity when git has one (config or environment); otherwise Digest's, so publishing still works in CI.</summary>
    private static async Task<Dictionary<string, string>> IdentityFallbackAsync(Git git, CancellationToken cancellationToken)
    {
        var fallback = new Dictionary<string, string>();
        foreach (var (key, kind, value) in new[] { ("name", "NAME", FallbackName), ("email", "EMAIL", FallbackEmail) })
        {
            var configured = await git.RunAsync(["config", "--get", "user." + key], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (configured.Succeeded && configured.Output.Trim().Length > 0)
            {
                continue;
            }

            foreach (var role in new[] { "AUTHOR", "COMMITTER" })
            {
                var variable = $"GIT_{role}_{kind}";
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
                {
                    fallback[variable] = value;
                }
            }
        }

        return fallback;
    }

    private static async Task<string> DefaultMessageAsync(Git git, CancellationToken cancellationToken)
    {
        var head = await git.RunAsync(["rev-parse", "--short", "HEAD"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.Succeeded ? $"Publish site from {head.Output.Trim()}" : "Publish site";
    }

    /// <summary>Runs a git command that must succeed; returns its trimmed output, or null after reporting why it failed.</summary>
    private static async Task<string?> Required(Git git, string[] arguments, string? input, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(arguments, input, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.Output.Trim();
        }

        diagnostics.Error(Tool, 0, 0, DiagnosticCodes.GitFailed, $"'git {arguments[0]}' failed: {result.Reason}. Nothing was published.");
        return null;
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    private static PublishResult Failed(DiagnosticBag diagnostics) => new(diagnostics.ToSortedList(), null, null, 0, Unchanged: false);
}
