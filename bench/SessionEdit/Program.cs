using System.Diagnostics;
using System.Globalization;
using Digest.Build;

// usage: SessionEdit SITE_DIR OUTPUT_DIR [EDITS]
// One session, one cold build, then EDITS times: change one article's body, Build(), time it until every
// affected page is on disk. Prints each time and the median, as the preview would see them.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SessionEdit SITE_DIR OUTPUT_DIR [EDITS]");
    return 2;
}

var site = Path.GetFullPath(args[0]);
var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
// As in the preview, whose output folder only its session writes.
var session = new BuildSession(new BuildOptions { SiteDirectory = site, OutputDirectory = Path.GetFullPath(args[1]), PrivateOutput = true });
var cold = Stopwatch.StartNew();
var first = session.Build();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold build: {cold.ElapsedMilliseconds} ms, {first.FilesWritten} files"));

var articles = Directory.EnumerateFiles(Path.Combine(site, "input"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
var times = new List<double>();
for (var i = 0; i < edits; i++)
{
    var article = articles[i * 7 % articles.Count];
    // What the preview's watcher would report.
    string[] changed = [Path.GetRelativePath(site, article).Replace('\\', '/')];
    var original = File.ReadAllText(article);
    File.WriteAllText(article, original + $"\nEdit number {i}.\n");
    var watch = Stopwatch.StartNew();
    var result = session.Build(changed);
    times.Add(watch.Elapsed.TotalMilliseconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"edit {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms, {result.ChangedFiles.Count} files changed, {string.Join(", ", result.Timings.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalMilliseconds:F0}"))}"));
    File.WriteAllText(article, original);
    session.Build(changed);
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median edit-to-disk: {times[times.Count / 2]:F0} ms over {times.Count} edits"));
return 0;
