using Digest.Build;
using Digest.Build.Tests.Incremental;
using Digest.Diagnostics;

namespace Digest.Build.Tests.Caching;

/// <summary>The on-disk cache saves time and nothing else: never a different page, never a crash.</summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOfSample(withTheme: false);

    public void Dispose() => _site.Dispose();

    [Fact]
    public void ANewProcessWithTheCacheReadsAndRendersNothingWhenNothingChanged()
    {
        SiteBuilder.Build(_site.Options());
        var second = SiteBuilder.Build(_site.Options());

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        IncrementalBuildTests.AssertNothingBuilt(second);
    }

    [Fact]
    public void ThePreviewStartsFromTheCacheAndLeavesItToTheBuild()
    {
        SiteBuilder.Build(_site.Options());
        var written = File.ReadAllBytes(_site.CacheFile);

        // The preview's case: a long session into its own folder, reading the cache but never writing it.
        var session = new BuildSession(_site.Options(output: Path.Combine(_site.Root, "preview-output")) with { UpdateCache = false });
        var first = session.Build();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(0, first.Work.ArticlesParsed);

        _site.Edit("input/articles/gyumri-rail-link-reopens.md", text => text + "\nA late addition.\n");
        var second = session.Build();
        Assert.Equal(1, second.Work.ArticlesParsed);
        Assert.Equal(written, File.ReadAllBytes(_site.CacheFile));
    }

    [Fact]
    public void OnlyTheFirstBuildOfASessionWritesTheCache()
    {
        SiteBuilder.Build(_site.Options());
        _site.Edit("input/articles/gyumri-rail-link-reopens.md", text => text + "\nA late addition.\n");
        var session = new BuildSession(_site.Options());
        Assert.True(session.Build().Work.CacheSaved);

        // The bodies this session read from the cache it then replaced are still there for the pages that show them.
        _site.Edit("input/articles/gyumri-rail-link-reopens.md", text => text + "\nAnother late addition.\n");
        var second = session.Build();
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.False(second.Work.CacheSaved);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void WithTheCacheAnEditGivesWhatAColdBuildGives()
    {
        SiteBuilder.Build(_site.Options());
        _site.Edit("input/articles/city-council-bus-lanes.md", text => text + "\nOne more paragraph.\n");
        var second = SiteBuilder.Build(_site.Options());

        Assert.Equal(1, second.Work.ArticlesParsed);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void DeletingTheCacheChangesNothingButTheWorkDone()
    {
        SiteBuilder.Build(_site.Options());
        Directory.Delete(Path.GetDirectoryName(_site.CacheFile)!, recursive: true);
        var second = SiteBuilder.Build(_site.Options());

        Assert.True(second.Succeeded);
        Assert.Empty(second.Diagnostics);
        Assert.Empty(second.ChangedFiles);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void TheCacheKeepsTheFileItsBuildParsedBodiesIntoAndOnlyThatOne()
    {
        Assert.True(SiteBuilder.Build(_site.Options()).Succeeded);
        var bodies = Assert.Single(BodiesFiles());
        Assert.NotEqual(0, new FileInfo(bodies).Length);

        // An edit in a new process: the bodies read from the cache are copied into the new build's file, the old one goes.
        _site.Edit("input/articles/city-council-bus-lanes.md", text => text + "\nOne more paragraph.\n");
        SiteBuilder.Build(_site.Options());
        Assert.NotEqual(bodies, Assert.Single(BodiesFiles()));
        _site.Edit("input/articles/city-council-bus-lanes.md", text => text + "\nAnd another.\n");
        var third = SiteBuilder.Build(_site.Options());

        Assert.Equal(1, third.Work.ArticlesParsed);
        Assert.Single(BodiesFiles());
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    private string[] BodiesFiles() => Directory.GetFiles(Path.GetDirectoryName(_site.CacheFile)!, "bodies-*");

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("garbage")]
    [InlineData("empty")]
    [InlineData("bodies missing")]
    [InlineData("bodies truncated")]
    [InlineData("bodies with a flipped byte")]
    public void ADamagedCacheIsIgnoredWithAWarning(string damage)
    {
        SiteBuilder.Build(_site.Options());
        _site.Edit("input/articles/city-council-bus-lanes.md", text => text + "\nChanged after the cache was written.\n");
        var cache = File.ReadAllBytes(_site.CacheFile);
        var bodies = Assert.Single(BodiesFiles());
        var bodiesBytes = File.ReadAllBytes(bodies);
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(_site.CacheFile, cache[..(cache.Length / 2)]); break;
            case "flipped byte": cache[cache.Length - 100] ^= 0x55; File.WriteAllBytes(_site.CacheFile, cache); break;
            case "garbage": File.WriteAllBytes(_site.CacheFile, [.. "not a cache at all"u8]); break;
            case "empty": File.WriteAllBytes(_site.CacheFile, []); break;
            case "bodies missing": File.Delete(bodies); break;
            case "bodies truncated": File.WriteAllBytes(bodies, bodiesBytes[..(bodiesBytes.Length / 2)]); break;
            case "bodies with a flipped byte": bodiesBytes[bodiesBytes.Length / 2] ^= 0x55; File.WriteAllBytes(bodies, bodiesBytes); break;
        }

        var result = SiteBuilder.Build(_site.Options());

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.CacheDamaged), (warning.Severity, warning.Code));
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);

        var next = SiteBuilder.Build(_site.Options());
        Assert.Empty(next.Diagnostics);
    }

    /// <summary>After an upgrade the cache is in another format: expected, not damage, so no warning.</summary>
    [Fact]
    public void ACacheInAnotherFormatVersionIsIgnoredWithoutAWarning()
    {
        SiteBuilder.Build(_site.Options());
        var bytes = File.ReadAllBytes(_site.CacheFile);
        Assert.Equal("DGCACHE"u8.ToArray(), bytes[..7]);
        bytes[7] = (byte)'2';
        File.WriteAllBytes(_site.CacheFile, bytes);

        var result = SiteBuilder.Build(_site.Options());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.NotEqual((byte)'2', File.ReadAllBytes(_site.CacheFile)[7]);
    }

    [Fact]
    public void BuildsOfOneSiteIntoOtherFoldersWithoutTheCacheRunSideBySideAndLeaveNoCache()
    {
        var elsewhere = _site.Output + "-elsewhere";
        using (BuildLock.TryAcquire(_site.Output, out var busy))
        {
            Assert.False(busy);
            var beside = SiteBuilder.Build(_site.Options() with { OutputDirectory = elsewhere, UseCache = false });

            Assert.True(beside.Succeeded, string.Join("\n", beside.Diagnostics));
            Assert.False(Directory.Exists(Path.GetDirectoryName(_site.CacheFile)));
            var refused = SiteBuilder.Build(_site.Options() with { UseCache = false });
            Assert.Equal(DiagnosticCodes.BuildLocked, Assert.Single(refused.Diagnostics).Code);
        }

        Directory.Delete(elsewhere, recursive: true);
    }

    [Fact]
    public void LockFilesLiveInAFolderOfTheUsersOwnAndGoWhenTheBuildEnds()
    {
        var lockFile = BuildLock.FileFor(_site.Output)!;
        using (BuildLock.TryAcquire(_site.Output, out var busy))
        {
            Assert.False(busy);
            Assert.True(File.Exists(lockFile));
        }

        Assert.False(File.Exists(lockFile));
        Assert.True(SiteBuilder.Build(_site.Options()).Succeeded);
        Assert.False(File.Exists(lockFile));
        Assert.False(File.Exists(BuildLock.FileFor(Path.GetDirectoryName(_site.CacheFile)!)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(lockFile)!));
        }
    }

    [Fact]
    public void ASecondBuildOfTheSameSiteAtOnceIsRefusedAndWritesNothing()
    {
        SiteBuilder.Build(_site.Options());
        _site.Edit("input/articles/city-council-bus-lanes.md", text => text + "\nChanged while another build runs.\n");
        var before = File.ReadAllBytes(_site.CacheFile);

        using (BuildLock.TryAcquire(Path.GetDirectoryName(_site.CacheFile)!, out var busy))
        {
            Assert.False(busy);
            var second = SiteBuilder.Build(_site.Options());

            var error = Assert.Single(second.Diagnostics);
            Assert.Equal(DiagnosticCodes.BuildLocked, error.Code);
            Assert.False(second.Succeeded);
            Assert.Equal(before, File.ReadAllBytes(_site.CacheFile));
        }

        var after = SiteBuilder.Build(_site.Options());
        Assert.True(after.Succeeded);
        GoldenFolder.AssertSameFiles(_site.ColdBuild(), _site.Output);
    }

    [Fact]
    public void BuildsIntoAnotherOutputFolderDoNotTrustTheFirstOnesFiles()
    {
        SiteBuilder.Build(_site.Options());
        var other = Path.Combine(_site.Root, "elsewhere");
        var second = SiteBuilder.Build(_site.Options(output: other));

        Assert.True(second.Succeeded);
        GoldenFolder.AssertSameFiles(_site.Output, other);
    }
}
