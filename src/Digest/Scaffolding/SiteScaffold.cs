using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Digest.Diagnostics;

namespace Digest.Scaffolding;

/// <summary>
/// <c>digest init</c>: writes a new site that builds at once — a commented digest.yml, one example article, a note on
/// overriding the theme, a .gitignore, a tool manifest pinning this version of digest and the GitHub Pages workflow.
/// In a folder that has files already (a fresh clone) it adds what is missing: the entries .gitignore lacks, digest to
/// a tool manifest; a file with the same content is kept. It never overwrites a file with other content: then it
/// writes nothing at all and says which file. The files are embedded resources under <c>scaffold/</c>.
/// </summary>
public static class SiteScaffold
{
    private const string ResourcePrefix = "scaffold/";
    private const string ArticlePath = "input/articles/welcome.md";
    private const string GitignorePath = ".gitignore";
    private static readonly Assembly ResourceAssembly = typeof(SiteScaffold).Assembly;
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Every file of a new site, by site-relative path in ordinal order, with the example article dated
    /// <paramref name="today"/> and the tool manifest pinning digest at <paramref name="toolVersion"/>.
    /// </summary>
    public static IReadOnlyList<(string Path, string Content)> Files(DateOnly today, string toolVersion) =>
        [.. ResourceAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var path = n[ResourcePrefix.Length..];
                var content = Read(n);
                return (path, path == ArticlePath
                    ? content.Replace("{{date}}", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    : content);
            })
            .Append((ToolManifest.Path, ToolManifest.Create(toolVersion)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)];

    /// <summary>
    /// Writes the site into <paramref name="directory"/>, adding to the files there; when it would have to overwrite
    /// any file with other content, writes nothing and returns a diagnostic for each such file.
    /// </summary>
    public static async Task<ScaffoldResult> CreateAsync(string directory, DateOnly today, string toolVersion, CancellationToken cancellationToken = default)
    {
        var planned = new List<(ScaffoldedFile File, string? Write)>();
        var problems = new List<Diagnostic>();
        foreach (var (path, content) in Files(today, toolVersion))
        {
            var target = Path.Combine(directory, path);
            var shown = target.Replace('\\', '/');
            if (Directory.Exists(target))
            {
                problems.Add(Refusal(shown, 0, 0, "a folder is where digest init would write this file. Nothing was written; move the folder away."));
                continue;
            }

            if (!File.Exists(target))
            {
                planned.Add((new ScaffoldedFile(path, FileChange.Created, ""), content));
                continue;
            }

            // Kept as it is, line ends included, for the files init adds to; compared without \r for the others.
            var existing = await File.ReadAllTextAsync(target, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            var (file, write, problem) = path switch
            {
                GitignorePath => MergeGitignore(path, existing, content),
                ToolManifest.Path => AddToManifest(path, shown, existing, toolVersion),
                _ when existing.Replace("\r\n", "\n", StringComparison.Ordinal) == content => (new ScaffoldedFile(path, FileChange.Kept, "it is already the same"), null, null),
                _ => (null, null, Refusal(shown, FirstDifferentLine(existing.Replace("\r\n", "\n", StringComparison.Ordinal), content), 0,
                    "this file exists with other content, and digest init never overwrites. Nothing was written; move the file away, " +
                    "or merge it by hand with what digest init writes in an empty folder.")),
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                planned.Add((file!, write));
            }
        }

        if (problems.Count > 0)
        {
            return new ScaffoldResult([], problems);
        }

        foreach (var (file, content) in planned.Where(p => p.Write is not null))
        {
            var target = Path.Combine(directory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, content, Utf8, cancellationToken).ConfigureAwait(false);
        }

        return new ScaffoldResult([.. planned.Select(p => p.File)], []);
    }

    private static (ScaffoldedFile? File, string? Write, Diagnostic? Problem) MergeGitignore(string path, string existing, string template)
    {
        var (merged, added) = GitignoreMerge.Merge(existing, template);
        return added.Count == 0
            ? (new ScaffoldedFile(path, FileChange.Kept, "it already ignores what digest build makes"), null, null)
            : (new ScaffoldedFile(path, FileChange.Updated, "added " + string.Join(", ", added)), merged, null);
    }

    private static (ScaffoldedFile? File, string? Write, Diagnostic? Problem) AddToManifest(string path, string shown, string existing, string toolVersion)
    {
        try
        {
            var (merged, pinned) = ToolManifest.Add(existing, toolVersion);
            return merged is null
                ? (new ScaffoldedFile(path, FileChange.Kept, $"{ToolManifest.PackageId} is in it already (version {pinned}); `dotnet tool update {ToolManifest.PackageId}` updates it"), null, null)
                : (new ScaffoldedFile(path, FileChange.Updated, $"added {ToolManifest.PackageId} {toolVersion}"), merged, null);
        }
        catch (JsonException e)
        {
            return (null, null, Refusal(shown, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"this is not a .NET tool manifest digest init can read ({Reason(e)}), and digest init never overwrites. " +
                $"Nothing was written; fix the file, or move it away."));
        }
    }

    /// <summary>The parser's reason without the position it appends, which the diagnostic already gives.</summary>
    private static string Reason(JsonException e) => e.Message.Split([" Path: ", " LineNumber: "], StringSplitOptions.None)[0].TrimEnd('.');

    private static Diagnostic Refusal(string path, int line, int column, string message) =>
        new(path, line, column, Severity.Error, DiagnosticCodes.WouldOverwrite, message);

    /// <summary>The 1-based number of the first line where the two texts differ.</summary>
    private static int FirstDifferentLine(string existing, string content)
    {
        var left = existing.Split('\n');
        var right = content.Split('\n');
        var same = left.Zip(right).TakeWhile(p => p.First == p.Second).Count();
        return same + 1;
    }

    private static string Read(string resourceName)
    {
        using var stream = ResourceAssembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
