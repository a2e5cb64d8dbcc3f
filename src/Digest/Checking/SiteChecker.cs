using System.IO.Enumeration;
using System.Text;
using Digest.Diagnostics;
using Digest.Files;

namespace Digest.Checking;

/// <summary>
/// <c>digest check</c>: checks a built site as a browser, a feed reader and a search engine would see it once
/// published at its base URL. Two parallel passes: scan every file once (well-formedness, ids, the URLs it uses),
/// then resolve every URL against the set of files and the ids of the page it targets.
/// </summary>
public static class SiteChecker
{
    private const string NotFoundPage = "404.html";

    public static CheckResult Check(string outputDirectory, Uri baseUrl, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(outputDirectory);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            return new CheckResult([new Diagnostic(outputDirectory, 0, 0, Severity.Error, DiagnosticCodes.NothingToCheck,
                "there is no built site here (no index.html). Run digest build first, or pass --output with the folder it wrote.")], 0, 0);
        }

        var diagnostics = new DiagnosticBag();
        var files = ListFiles(root, diagnostics);
        var existing = files.ToHashSet(StringComparer.Ordinal);

        var scans = new FileScan?[files.Length];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, files.Length, parallel, i => scans[i] = ScanFile(Path.Combine(root, files[i]), files[i]));

        var idsByFile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            if (scans[i] is { } scan && IsHtml(files[i]))
            {
                idsByFile[files[i]] = scan.Ids;
            }
        }

        var resolver = new SiteUrlResolver(baseUrl);
        var references = 0;
        Parallel.For(0, files.Length, parallel, i =>
        {
            if (scans[i] is not { } scan)
            {
                return;
            }

            foreach (var finding in scan.Findings)
            {
                diagnostics.Error(files[i], finding.Line, finding.Column, finding.Code, finding.Message);
            }

            foreach (var reference in scan.References)
            {
                CheckReference(files[i], reference, resolver, existing, idsByFile, diagnostics);
            }

            Interlocked.Add(ref references, scan.References.Count);
        });

        return new CheckResult(diagnostics.ToSortedList(), scans.Count(s => s is not null), references);
    }

    /// <summary>
    /// Every file of the built site, sorted, as GitHub Pages would publish it: folder links are followed, except one that
    /// leads back to a folder on its way (DG4302, it would never end), and a link that leads nowhere is reported (DG4301)
    /// instead of read. Only entries that are links are resolved.
    /// </summary>
    private static string[] ListFiles(string root, DiagnosticBag diagnostics)
    {
        string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
        var entered = new HashSet<string>(StringComparer.Ordinal) { SymbolicLinks.RealPath(root) ?? root };
        var files = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => Relative(entry.ToFullPath()),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
            {
                if (entry.IsDirectory)
                {
                    return false;
                }

                if ((entry.Attributes & FileAttributes.ReparsePoint) == 0 || SymbolicLinks.RealPath(entry.ToFullPath()) is not null)
                {
                    return true;
                }

                var link = entry.ToFullPath();
                diagnostics.Error(Relative(link), 0, 0, DiagnosticCodes.DanglingLink,
                    $"this symbolic link leads to {SymbolicLinks.Destination(link) ?? new FileInfo(link).LinkTarget}, which does not exist (or links loop), so the published site would lack this file. Restore what it leads to, or remove the link.");
                return false;
            },
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    return true;
                }

                var link = entry.ToFullPath();
                var target = SymbolicLinks.RealPath(link);
                var holder = SymbolicLinks.RealPath(Path.GetDirectoryName(link)!);
                if (target is not null && holder is not null && !SymbolicLinks.IsSameOrInside(holder, target) && entered.Add(target))
                {
                    return true;
                }

                diagnostics.Error(Relative(link), 0, 0, DiagnosticCodes.CheckedLinkLoop,
                    $"this folder link leads to {target}, a folder already on its way, so following it would never end; it is not checked. Remove the link from the output.");
                return false;
            },
        };
        return [.. files.Order(StringComparer.Ordinal)];
    }

    private static FileScan? ScanFile(string fullPath, string relativePath)
    {
        if (IsHtml(relativePath))
        {
            return HtmlScanner.Scan(File.ReadAllText(fullPath, Encoding.UTF8));
        }

        if (relativePath.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
        {
            var css = File.ReadAllText(fullPath, Encoding.UTF8);
            var scan = new FileScan();
            CssUrls.Scan(css, 0, css.Length, new LineCounter(css), scan.References);
            return scan;
        }

        if (relativePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return FeedScanner.ScanXml(File.ReadAllText(fullPath, Encoding.UTF8));
        }

        if (relativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return FeedScanner.ScanJson(File.ReadAllBytes(fullPath), Path.GetFileName(relativePath) == "feed.json");
        }

        if (relativePath == "robots.txt")
        {
            return RobotsSitemaps(File.ReadAllLines(fullPath, Encoding.UTF8));
        }

        return null;
    }

    /// <summary>The <c>Sitemap:</c> lines of robots.txt, which search engines follow.</summary>
    private static FileScan RobotsSitemaps(string[] lines)
    {
        var scan = new FileScan();
        for (var i = 0; i < lines.Length; i++)
        {
            const string Directive = "Sitemap:";
            if (lines[i].StartsWith(Directive, StringComparison.OrdinalIgnoreCase))
            {
                scan.References.Add(new Reference(lines[i][Directive.Length..].Trim(), ReferenceKind.SitemapEntry, i + 1, Directive.Length + 2));
            }
        }

        return scan;
    }

    private static void CheckReference(string file, Reference reference, SiteUrlResolver resolver, HashSet<string> existing,
        Dictionary<string, HashSet<string>> idsByFile, DiagnosticBag diagnostics)
    {
        void Error(string code, string message) => diagnostics.Error(file, reference.Line, reference.Column, code, message);

        if (reference.Url.StartsWith('#') && !IsHtml(file))
        {
            return; // url(#gradient) in CSS or SVG names an element of the document that uses it.
        }

        var what = Describe(reference.Kind);
        if (file == NotFoundPage && IsPathRelative(reference.Url))
        {
            Error(DiagnosticCodes.RelativeLinkInNotFoundPage,
                $"the {what} '{reference.Url}' is relative, but GitHub Pages serves 404.html at whatever address was asked for, so it breaks below the top folder. Link with {{{{ url \"/…\" }}}} in the template.");
            return;
        }

        var resolved = resolver.Resolve(reference.Url, file);
        switch (resolved.Outcome)
        {
            case UrlOutcome.External:
                return;
            case UrlOutcome.OutsideBasePath:
                Error(DiagnosticCodes.OutsideBasePath,
                    $"the {what} '{reference.Url}' leads to {resolved.Path}, outside the site's base path {resolver.BasePath}: it breaks when the site is published under a path. Write it with {{{{ url \"/…\" }}}} in templates, or as a path relative to the page.");
                return;
            default:
                break;
        }

        var target = SiteUrlResolver.FileFor(resolved.Path);
        if (!existing.Contains(target))
        {
            // GitHub Pages answers /folder with a redirect to /folder/.
            if (!resolved.Path.EndsWith('/') && existing.Contains(resolved.Path + "/index.html"))
            {
                target = resolved.Path + "/index.html";
            }
            else
            {
                Error(DiagnosticCodes.BrokenLink, $"the {what} '{reference.Url}' leads to /{resolved.Path}, but the site has no {target}.");
                return;
            }
        }

        if (resolved.Fragment.Length > 0 && resolved.Fragment != "top" && idsByFile.TryGetValue(target, out var ids) && !ids.Contains(resolved.Fragment))
        {
            Error(DiagnosticCodes.MissingFragment,
                $"the {what} '{reference.Url}' asks for #{resolved.Fragment}, but {target} has no element with id=\"{resolved.Fragment}\".");
        }
    }

    private static bool IsPathRelative(string url) =>
        !url.StartsWith('/') && !url.StartsWith('#') && !url.Contains(':', StringComparison.Ordinal);

    private static bool IsHtml(string path) => path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private static string Describe(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Link => "link",
        ReferenceKind.Image => "image",
        ReferenceKind.Stylesheet => "stylesheet",
        ReferenceKind.Script => "script",
        ReferenceKind.CssUrl => "CSS url()",
        ReferenceKind.Metadata => "metadata URL",
        ReferenceKind.FeedEntry => "feed link",
        ReferenceKind.SitemapEntry => "sitemap location",
        _ => "resource",
    };
}
