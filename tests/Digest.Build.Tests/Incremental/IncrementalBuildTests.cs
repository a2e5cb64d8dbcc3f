using System.Runtime.CompilerServices;
using Digest.Build;

namespace Digest.Build.Tests.Incremental;

/// <summary>A session's later builds and cached builds equal a cold build of the same files, byte for byte.</summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private const string Article = "input/articles/gyumri-rail-link-reopens.md";
    private const string ArticlePage = "2026/11/03/gyumri-rail-link-reopens-after-two-year-rebuild/index.html";

    private readonly TestSite _site = TestSite.CopyOfSample(withTheme: false);

    public void Dispose() => _site.Dispose();

    [Fact]
    public void ASecondBuildWithNothingChangedRendersAndWritesNothing()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        var first = session.Build();
        var second = session.Build();

        Assert.True(second.Succeeded);
        Assert.Equal(first.FilesWritten, second.FilesUnchanged);
        AssertNothingBuilt(second);
    }

    [Fact]
    public void AnArticleDatedInTheFutureAppearsOnceItsTimeComesAndNotBefore()
    {
        _site.Edit(Article, text => text.Replace("date: 2026-11-03T09:15:00+04:00", "date: 2027-03-01T09:00:00+04:00", StringComparison.Ordinal));
        var clock = new ManualClock(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var session = new BuildSession(_site.Options(useCache: false) with { Clock = clock });
        session.Build();
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "2027")));

        clock.Now = new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero);
        AssertNothingBuilt(session.Build());

        clock.Now = new DateTimeOffset(2027, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var due = session.Build();
        Assert.True(due.Succeeded, string.Join("\n", due.Diagnostics));
        Assert.Contains("2027/03/01/gyumri-rail-link-reopens-after-two-year-rebuild/index.html", due.ChangedFiles);

        // A clock set back before the article's date hides it again.
        clock.Now = new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero);
        var back = session.Build();
        Assert.True(back.Succeeded, string.Join("\n", back.Diagnostics));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "2027")));
    }

    [Fact]
    public void AFileTouchedWithoutChangingItsBytesIsNotParsedAgain()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();

        _site.Edit(Article, text => text);
        var second = session.Build();

        Assert.Equal(1, second.Work.FilesRead);
        Assert.Equal(0, second.Work.ArticlesParsed);
        Assert.Empty(second.ChangedFiles);
    }

    [Fact]
    public void EditingOneArticleRebuildsWhatShowsItAndEqualsAColdBuild()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        var first = session.Build();

        _site.Edit(Article, text => text.Replace("author: Anahit Sargsyan", "author: Aram Petrosyan", StringComparison.Ordinal) + "\nA late addition.\n");
        var second = session.Build();

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Equal(1, second.Work.ArticlesParsed);
        Assert.Contains(ArticlePage, second.ChangedFiles);
        Assert.DoesNotContain("about/index.html", second.ChangedFiles);
        Assert.InRange(second.Work.PagesRendered, 1, first.Work.PagesRendered - 1);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void RetaggingAddingAndDeletingArticlesEqualsAColdBuild()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();

        _site.Edit(Article, text => text.Replace("tags: [Rail, transport, Gyumri]", "tags: [Rail, Chess]", StringComparison.Ordinal));
        File.Delete(_site.FullPath("input/articles/city-council-budget.md"));
        File.WriteAllText(_site.FullPath("input/articles/new-story.md"),
            "---\ntitle: A new story\ndate: 2026-11-20T10:00:00+04:00\ntags: [transport]\ncategories: [Economy]\n---\nIt happened.\n");
        var second = session.Build();

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Contains("2026/11/20/a-new-story/index.html", second.ChangedFiles);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void EditsOfWhatOtherPagesShowEqualAColdBuildEachTime()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        var edits = new (string Name, Func<string, string> Edit, string Path)[]
        {
            // The same instant: only the article's JSON-LD shows the offset it was written with.
            ("the date in another offset", text => text.Replace("date: 2026-11-03T09:15:00+04:00", "date: 2026-11-03T05:15:00Z", StringComparison.Ordinal), Article),
            ("the title, shown in lists, beside neighbours and among related articles", text => text.Replace("title: \"Gyumri rail link reopens after two-year rebuild\"", "title: \"Gyumri rail link reopens\"", StringComparison.Ordinal), Article),
            ("a tag that other articles carry, which changes its count on its page and in the index of tags", text => text.Replace("tags: [Rail, transport, Gyumri]", "tags: [Rail, transport, Gyumri, Dilijan]", StringComparison.Ordinal), Article),
            ("the update time, shown in the sitemap", text => text.Replace("updated: 2026-11-03T14:40:00+04:00", "updated: 2026-11-05T08:00:00+04:00", StringComparison.Ordinal), Article),
            ("a page's menu order, which reorders the menu on every page", text => text.Replace("menu_order: 2", "menu_order: 0", StringComparison.Ordinal), "input/pages/sources.md"),
        };

        foreach (var (name, edit, path) in edits)
        {
            _site.Edit(path, text =>
            {
                var edited = edit(text);
                Assert.NotEqual(text, edited);
                return edited;
            });
            var result = session.Build();
            Assert.True(result.Succeeded, $"after {name}: " + string.Join("\n", result.Diagnostics));
            GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
        }
    }

    [Fact]
    public void EditsOfTagsAndCategoriesPatchTheModelAndEqualAColdBuildEachTime()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        var first = session.Build();
        const string Freight = "input/articles/rail-freight-timetable.md";
        var edits = new (string Name, string Path, string From, string To)[]
        {
            ("a tag no other article has: a new tag page, and a longer index of tags", Article, "tags: [Rail, transport, Gyumri]", "tags: [Rail, transport, Gyumri, Tram depots]"),
            ("the same tag removed: its page goes", Article, "tags: [Rail, transport, Gyumri, Tram depots]", "tags: [Rail, transport, Gyumri]"),
            ("the oldest spelling of a tag, which names it on every page that shows it", Article, "tags: [Rail, transport, Gyumri]", "tags: [RAIL, transport, Gyumri]"),
            ("the same tags in another order", Article, "tags: [RAIL, transport, Gyumri]", "tags: [Gyumri, transport, RAIL]"),
            ("a tag twice, in two spellings of one slug", Freight, "tags: \"rail, transport, Gyumri\"", "tags: \"rail, transport, Gyumri, Rail!\""),
            ("a tag taken off an article, which changes the related articles of its neighbours", Freight, "tags: \"rail, transport, Gyumri, Rail!\"", "tags: \"transport\""),
            ("a category renamed", Article, "categories: [Economy]", "categories: [Transport Economy]"),
            ("a category added that others have", Article, "categories: [Transport Economy]", "categories: [Transport Economy, Politics]"),
            ("a standalone page's tags, which no list shows", "input/pages/sources.md", "title:", "tags: [Sources]\ntitle:"),
        };

        foreach (var (name, path, from, to) in edits)
        {
            _site.Edit(path, text =>
            {
                Assert.Contains(from, text, StringComparison.Ordinal);
                return text.Replace(from, to, StringComparison.Ordinal);
            });
            var result = session.Build([path]);
            Assert.True(result.Succeeded, $"after {name}: " + string.Join("\n", result.Diagnostics));
            GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
            // Patched, not made anew: only the keys of articles whose terms changed are worked out again.
            Assert.Equal(ModelWork.Revised, result.Work.Model);
            Assert.InRange(result.Work.ArticlesKeyed, 1, first.Work.ArticlesKeyed - 1);
        }
    }

    [Fact]
    public void ABuildToldWhatChangedLooksAgainOnlyAtTheFilesAndFoldersNamed()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        _site.Edit(Article, text => text + "\nA late addition.\n");

        // The preview's watcher names every change; a file it does not name is taken to be as the last scan found it.
        AssertNothingBuilt(session.Build(["input/articles/city-council-budget.md", "theme"]));

        var told = session.Build(["input/articles"]);
        Assert.True(told.Succeeded, string.Join("\n", told.Diagnostics));
        Assert.Contains(ArticlePage, told.ChangedFiles);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void ASessionHoldsOnToWhatItsLastBuildWorkedOutAndNotToEveryEarlierBuild()
    {
        // The preview keeps one session for hours of writing: were each build to keep the one before it, memory would
        // grow with every save (it did: 10 MB a save at 10,000 articles).
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        var second = EditAndBuild(session, 2);
        EditAndBuild(session, 3);
        EditAndBuild(session, 4);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(second.IsAlive);
    }

    /// <summary>A body edit, which keeps the site model; returns what the session then holds, weakly.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference EditAndBuild(BuildSession session, int edit)
    {
        _site.Edit(Article, text => text + $"\nEdit {edit}.\n");
        Assert.True(session.Build([Article]).Succeeded);
        return new WeakReference(session.Memo.LastRender);
    }

    [Fact]
    public void AChangedFileThatTheLastListingLacksOrThatIsGoneMakesTheBuildListTheFoldersAgain()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        const string added = "input/articles/late-news.md";
        File.WriteAllText(_site.FullPath(added), "---\ntitle: Late news\ndate: 2026-11-04T08:00:00Z\ntags: [Rail]\n---\nJust in.\n");

        // Named alone, as a watcher names a file just made: the listing that lacks it must not be reused.
        var made = session.Build([added]);
        Assert.True(made.Succeeded, string.Join("\n", made.Diagnostics));
        Assert.Contains("2026/11/04/late-news/index.html", made.ChangedFiles);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);

        File.Delete(_site.FullPath(Article));
        var gone = session.Build([Article]);
        Assert.True(gone.Succeeded, string.Join("\n", gone.Diagnostics));
        Assert.False(File.Exists(Path.Combine(_site.Output, ArticlePage)));
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);

        // Saved as sed and some editors do, through a temporary file renamed over it: the listing is reused, with the
        // file's new size and time.
        _site.Edit(added, text => text.Replace("Just in.", "Just in, and confirmed.", StringComparison.Ordinal));
        var edited = session.Build(["input/articles/sedX4k2Qa", added]);
        Assert.Contains("2026/11/04/late-news/index.html", edited.ChangedFiles);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void AFileReachedThroughAFolderLinkIsLookedAtAgainThoughNoChangeNamesIt()
    {
        // A watcher does not see into the folder a link leads to, so no change would ever name this file.
        var elsewhere = _site.Root + "-elsewhere";
        try
        {
            Directory.CreateDirectory(elsewhere);
            File.Move(_site.FullPath(Article), Path.Combine(elsewhere, Path.GetFileName(Article)));
            Directory.CreateSymbolicLink(_site.FullPath("input/articles/linked"), elsewhere);
            File.AppendAllText(_site.FullPath("digest.yml"), "follow_links_outside: true\n");
            var session = new BuildSession(_site.Options(useCache: false));
            Assert.True(session.Build().Succeeded);

            _site.Edit("input/articles/linked/" + Path.GetFileName(Article), text => text + "\nA late addition.\n");
            var second = session.Build(["input/articles/city-council-budget.md"]);

            Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
            Assert.Contains(ArticlePage, second.ChangedFiles);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void AThemeChangeRerendersEveryPageAndACssChangeOnlyTheCss()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        var first = session.Build();

        Directory.CreateDirectory(_site.FullPath("theme/assets"));
        File.WriteAllText(_site.FullPath("theme/assets/style.css"), "body { color: red; }\n");
        var cssOnly = session.Build();
        Assert.Equal(["assets/style.css"], cssOnly.ChangedFiles);

        Directory.CreateDirectory(_site.FullPath("theme/layouts"));
        var builtIn = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "theme", "layouts", "base.html"));
        File.WriteAllText(_site.FullPath("theme/layouts/base.html"), builtIn.Replace("Built with Digest.", "Built with care.", StringComparison.Ordinal));
        var layout = session.Build();

        Assert.True(layout.Succeeded, string.Join("\n", layout.Diagnostics));
        Assert.Equal(first.Work.PagesRendered, layout.Work.PagesRendered);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void ASettingsChangeRereadsEveryArticle()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        var first = session.Build();

        _site.Edit("digest.yml", text => text.Replace("page_size: 10", "page_size: 3", StringComparison.Ordinal));
        var second = session.Build();

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Equal(first.Work.ArticlesParsed, second.Work.ArticlesParsed);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void AnOutputFileChangedByHandIsRestored()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();

        File.WriteAllText(Path.Combine(_site.Output, ArticlePage), "edited by hand");
        File.Delete(Path.Combine(_site.Output, "tags", "index.html"));
        var second = session.Build();

        Assert.Equal([ArticlePage, "tags/index.html"], second.ChangedFiles);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void ABrokenTemplateIsReportedAgainByEveryBuildUntilItIsFixed()
    {
        // A build that finds nothing changed does not parse the theme: it must never find that after a broken one.
        Assert.True(new BuildSession(_site.Options(useCache: true)).Build().Succeeded);
        Directory.CreateDirectory(_site.FullPath("theme/layouts"));
        File.WriteAllText(_site.FullPath("theme/layouts/404.html"), "<p>{{ if page.title }}Not found</p>\n");

        foreach (var build in new[] { new BuildSession(_site.Options(useCache: true)).Build(), new BuildSession(_site.Options(useCache: true)).Build() })
        {
            Assert.False(build.Succeeded);
            Assert.Contains(build.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.TemplateSyntax && d.Path == "theme/layouts/404.html");
        }
    }

    [Fact]
    public void AFailedBuildLeavesTheOutputAndTheNextBuildRecovers()
    {
        var session = new BuildSession(_site.Options(useCache: false));
        session.Build();
        var original = File.ReadAllText(_site.FullPath(Article));

        _site.Edit(Article, text => text.Replace("title: ", "headline: ", StringComparison.Ordinal));
        var failed = session.Build();
        Assert.False(failed.Succeeded);
        Assert.Empty(failed.ChangedFiles);

        _site.Edit(Article, _ => original);
        var recovered = session.Build();
        Assert.True(recovered.Succeeded, string.Join("\n", recovered.Diagnostics));
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    /// <summary>The build found the inputs, theme and options of the last one and its output intact: no file read, no model, no page.</summary>
    internal static void AssertNothingBuilt(BuildResult result)
    {
        Assert.Empty(result.ChangedFiles);
        Assert.Equal(0, result.FilesWritten);
        Assert.Equal(result.FilesUnchanged, result.Work.OutputsVerified);
        Assert.Equal((0, 0, ModelWork.None, 0), (result.Work.FilesRead, result.Work.ArticlesParsed, result.Work.Model, result.Work.PagesRendered));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
