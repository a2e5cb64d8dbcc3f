using Digest.Bodies;
using Digest.Caching;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Writing;

namespace Digest.Build.Tests.Caching;

/// <summary>
/// <see cref="BuildCacheFile"/> and <see cref="ArticleCodec"/> below the build: a state with every field set — hostile
/// strings, nulls, dates at the edges, empty and large collections — reads back equal to what was saved, and a file
/// truncated or with any one bit flipped is refused (a DG9101 warning, or silently when it names another format or
/// build of Digest), never decoded into other data.
/// </summary>
public sealed class CacheCodecTests : IDisposable
{
    /// <summary>
    /// Text a cache must keep to the character: NUL, terminal escapes, markup, right-to-left marks, a surrogate pair, and
    /// lengths on both sides of BinaryWriter's 7-bit length prefix steps. Lone surrogates are left out: input is read as
    /// UTF-8, which cannot hold one, and the UTF-8 writer would replace it.
    /// </summary>
    private static readonly string[] Hostile =
    [
        "", "\0", "a\0b", "\u001b]0;owned\u0007\u001b[2J", "<script>alert(1)</script>", "\"'&<>", "\u202eevil\u202c", "Երևան 🚆 é\u0301",
        new('x', 127), new('y', 128), new('z', 16_384), new('ü', 100_000), "line\r\nbreak\n", "\uFEFFbom", "\uFFFF",
    ];

    private static readonly DateTimeOffset?[] Dates =
    [
        null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(1, 1, 1, 14, 0, 0, TimeSpan.FromHours(14)),
        new DateTimeOffset(9999, 12, 31, 9, 59, 59, TimeSpan.FromHours(-14)).AddTicks(TimeSpan.TicksPerSecond - 1),
        new DateTimeOffset(2026, 11, 3, 9, 15, 0, TimeSpan.FromHours(4)), new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromMinutes(345)),
    ];

    private readonly TempFolder _folder = new();

    private string CacheFolder => _folder.Combine(SiteLayout.CacheFolder);
    private string CachePath => Path.Combine(CacheFolder, BuildCacheFile.FileName);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AStateWithEveryFieldSetReadsBackEqual()
    {
        var saved = State(new ContentStore(CacheFolder));
        Assert.True(BuildCacheFile.Save(CachePath, saved));

        var diagnostics = new DiagnosticBag();
        var loaded = BuildCacheFile.Load(CachePath, "cache", diagnostics, new ContentStore());

        Assert.NotNull(loaded);
        Assert.Empty(diagnostics.ToSortedList());
        AssertEqual(saved, loaded);
        Assert.Null(loaded.InputsDamage);
    }

    [Fact]
    public void AnEmptyStateReadsBackEmpty()
    {
        var saved = new CachedBuild { Contents = new ContentStore(CacheFolder) };
        Assert.True(BuildCacheFile.Save(CachePath, saved));

        var loaded = BuildCacheFile.Load(CachePath, "cache", new DiagnosticBag(), new ContentStore());

        Assert.NotNull(loaded);
        AssertEqual(saved, loaded);
    }

    [Fact]
    public void ACacheCutShortAtAnyLengthIsRefusedWithAWarning()
    {
        Assert.True(BuildCacheFile.Save(CachePath, SmallState()));
        var whole = File.ReadAllBytes(CachePath);

        for (var length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(CachePath, whole[..length]);
            var diagnostics = new DiagnosticBag();
            Assert.True(BuildCacheFile.Load(CachePath, "cache", diagnostics, new ContentStore()) is null, $"cut to {length} of {whole.Length} bytes");
            Assert.Equal(DiagnosticCodes.CacheDamaged, Assert.Single(diagnostics.ToSortedList()).Code);
        }
    }

    [Fact]
    public void AnyOneBitFlippedIsRefusedNeverDecoded()
    {
        Assert.True(BuildCacheFile.Save(CachePath, SmallState()));
        var whole = File.ReadAllBytes(CachePath);

        for (var at = 0; at < whole.Length; at++)
        {
            var damaged = (byte[])whole.Clone();
            damaged[at] ^= (byte)(1 << (at % 8));
            File.WriteAllBytes(CachePath, damaged);
            var diagnostics = new DiagnosticBag();

            Assert.True(BuildCacheFile.Load(CachePath, "cache", diagnostics, new ContentStore()) is null, $"bit {at % 8} of byte {at} flipped");
            // Bytes 7 to 23 are the format's version and the tool's key: another Digest's cache, ignored without a word.
            var expected = at is >= 7 and < 24 ? [] : new[] { DiagnosticCodes.CacheDamaged };
            Assert.Equal(expected, diagnostics.ToSortedList().Select(d => d.Code));
        }
    }

    [Fact]
    public void AFlippedBitInTheFileOfBodiesDropsTheInputsWithAWarning()
    {
        Assert.True(BuildCacheFile.Save(CachePath, SmallState()));
        var bodies = Assert.Single(Directory.GetFiles(CacheFolder, "bodies-*"));
        var bytes = File.ReadAllBytes(bodies);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(bodies, bytes);

        var diagnostics = new DiagnosticBag();
        var loaded = BuildCacheFile.Load(CachePath, "cache", diagnostics, new ContentStore());

        // The outputs need no bodies and still hold; the inputs, checked when first used, are all read again.
        Assert.NotNull(loaded);
        Assert.Empty(loaded.Inputs);
        BuildCacheFile.ReportInputsDamage(loaded, diagnostics);
        Assert.Equal(DiagnosticCodes.CacheDamaged, Assert.Single(diagnostics.ToSortedList()).Code);
    }

    /// <summary>Two inputs, one output: a file of a few hundred bytes, small enough to damage at every byte.</summary>
    private CachedBuild SmallState()
    {
        var contents = new ContentStore(CacheFolder);
        var state = new CachedBuild { Contents = contents, ReadKey = 1, SiteKey = 2, OutputDirectory = "out" };
        state.Outputs["index.html"] = new OutputRecord(10, 20, 30, 40);
        state.Inputs = new(StringComparer.Ordinal)
        {
            ["input/articles/a.md"] = new(1, 2, 3, new Article
            {
                SourcePath = "input/articles/a.md",
                FileName = "a",
                IsPage = false,
                Title = "A",
                Date = Dates[5],
                Slug = "a",
                Summary = "S",
                Content = contents.Add("<p>Body.</p>"),
                Tags = ["t"],
                Params = new Dictionary<string, object?> { ["k"] = 1L, ["l"] = new List<object?> { "x", 2.5 } },
            }, []),
            ["input/articles/b.md"] = new(4, 5, 6, null, [new Diagnostic("input/articles/b.md", 1, 2, Severity.Error, "DG1001", "bad")]),
        };
        return state;
    }

    private static CachedBuild State(ContentStore contents)
    {
        var state = new CachedBuild
        {
            Contents = contents,
            ReadKey = UInt128.MaxValue,
            SiteKey = new UInt128(0x8000_0000_0000_0000, 1),
            SiteKeyFrom = DateTimeOffset.MinValue,
            SiteKeyExpires = DateTimeOffset.MaxValue,
            OutputDirectory = Hostile[7],
        };
        for (var i = 0; i < 10_000; i++)
        {
            state.Outputs[$"{Hostile[i % Hostile.Length]}/{i}"] = new OutputRecord(long.MaxValue - i, long.MinValue + i, (UInt128)i << 64, UInt128.MaxValue - (uint)i);
        }

        var inputs = new Dictionary<string, ParsedInput>(StringComparer.Ordinal);
        for (var i = 0; i < Hostile.Length; i++)
        {
            inputs[$"input/articles/{i}-{Hostile[i]}.md"] = new ParsedInput(i, -i, (UInt128)i, Article(contents, i), Diagnostics(i));
        }

        inputs["input/articles/unreadable.md"] = new ParsedInput(0, 0, 0, null, Diagnostics(3));
        inputs["input/articles/empty-lists.md"] = new ParsedInput(long.MaxValue, long.MinValue, 0, Article(contents, 0) with
        {
            Authors = [],
            Categories = [],
            Tags = [],
            Params = new Dictionary<string, object?>(),
            Layout = null,
        }, []);
        inputs["input/articles/many-tags.md"] = new ParsedInput(1, 1, 1, Article(contents, 1) with
        {
            Tags = [.. Enumerable.Range(0, 5_000).Select(t => $"tag {t} {Hostile[t % Hostile.Length]}")],
        }, []);
        state.Inputs = inputs;
        return state;
    }

    private static Article Article(ContentStore contents, int i) => new()
    {
        SourcePath = $"input/articles/{Hostile[i % Hostile.Length]}.md",
        FileName = Hostile[(i + 1) % Hostile.Length],
        IsPage = i % 2 == 1,
        Title = Hostile[(i + 2) % Hostile.Length],
        Date = Dates[i % Dates.Length],
        Updated = Dates[(i + 3) % Dates.Length],
        Slug = Hostile[(i + 3) % Hostile.Length],
        Summary = Hostile[(i + 4) % Hostile.Length],
        Content = contents.Add($"<p>{Hostile[(i + 5) % Hostile.Length]}</p>"),
        Authors = [Hostile[i % Hostile.Length], "", Hostile[(i + 6) % Hostile.Length]],
        Source = Hostile[(i + 7) % Hostile.Length],
        SourceUrl = "https://source.example/" + Hostile[(i + 8) % Hostile.Length],
        Categories = [Hostile[(i + 9) % Hostile.Length]],
        Tags = [.. Hostile],
        Image = Hostile[(i + 10) % Hostile.Length],
        ImageAlt = Hostile[(i + 11) % Hostile.Length],
        Lang = Hostile[(i + 12) % Hostile.Length],
        Layout = i % 3 == 0 ? null : Hostile[(i + 13) % Hostile.Length],
        LayoutLine = i % 2 == 0 ? int.MaxValue : int.MinValue,
        Draft = i % 2 == 0,
        MenuOrder = i % 2 == 0 ? int.MinValue : -1,
        WordCount = int.MaxValue - i,
        ReadingMinutes = i,
        Params = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["null"] = null,
            ["text"] = Hostile[i % Hostile.Length],
            [Hostile[(i + 1) % Hostile.Length]] = true,
            ["false"] = false,
            ["long"] = i % 2 == 0 ? long.MinValue : long.MaxValue,
            ["double"] = i % 2 == 0 ? double.NegativeInfinity : double.Epsilon,
            ["nan"] = double.NaN,
            ["negative zero"] = -0.0,
            ["list"] = new List<object?> { null, "x", 1L, 2.5, new List<object?>(), new Dictionary<string, object?>() },
            ["map"] = new Dictionary<string, object?> { ["nested"] = new Dictionary<string, object?> { ["deep"] = new List<object?> { Hostile[i % Hostile.Length] } } },
        },
    };

    private static Diagnostic[] Diagnostics(int i) =>
    [
        new(Hostile[i % Hostile.Length], int.MaxValue, 0, Severity.Error, "DG1001", Hostile[(i + 1) % Hostile.Length]),
        new("", 0, int.MinValue, Severity.Warning, "", ""),
    ];

    private static void AssertEqual(CachedBuild expected, CachedBuild actual)
    {
        Assert.Equal(expected.ReadKey, actual.ReadKey);
        Assert.Equal(expected.SiteKey, actual.SiteKey);
        Assert.Equal(expected.SiteKeyFrom, actual.SiteKeyFrom);
        Assert.Equal(expected.SiteKeyExpires, actual.SiteKeyExpires);
        Assert.Equal(expected.OutputDirectory, actual.OutputDirectory);
        Assert.Equal(expected.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal), actual.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal));
        Assert.Equal(expected.InputCount, actual.InputCount);
        Assert.Equal(expected.Inputs.Keys.Order(StringComparer.Ordinal), actual.Inputs.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, want) in expected.Inputs)
        {
            var got = actual.Inputs[path];
            Assert.Equal((want.Length, want.WriteTicks, want.ContentHash), (got.Length, got.WriteTicks, got.ContentHash));
            Assert.Equal(want.Diagnostics, got.Diagnostics);
            Assert.Equal(want.Article is null, got.Article is null);
            if (want.Article is { } article)
            {
                AssertEqual(article, got.Article!);
            }
        }
    }

    private static void AssertEqual(Article expected, Article actual)
    {
        // Record equality over every scalar field, the lists, body and parameters set equal on both sides and compared below:
        // a field added to Article and forgotten by the codec fails here once Article(...) above sets it.
        Assert.Equal(expected with { Content = actual.Content, Authors = [], Categories = [], Tags = [], Params = actual.Params },
            actual with { Authors = [], Categories = [], Tags = [] });
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal((expected.Content.Html, expected.Content.Hash, expected.Content.Utf8Length), (actual.Content.Html, actual.Content.Hash, actual.Content.Utf8Length));
        Assert.Equal(Describe(expected.Params), Describe(actual.Params));
        // Dates keep their offset, not only their instant.
        Assert.Equal(expected.Date?.Offset, actual.Date?.Offset);
        Assert.Equal(expected.Updated?.Offset, actual.Updated?.Offset);
    }

    /// <summary>A value as typed text, so that 1 and 1.0, -0.0 and 0.0, a list and a map all differ, and NaN equals itself.</summary>
    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"string:{text.Length}:{text}",
        bool flag => $"bool:{flag}",
        long number => $"long:{number}",
        double number => $"double:{BitConverter.DoubleToInt64Bits(number)}",
        IReadOnlyDictionary<string, object?> map => "map{" + string.Join(",", map.Select(e => Describe(e.Key) + "=" + Describe(e.Value))) + "}",
        IReadOnlyList<object?> list => "list[" + string.Join(",", list.Select(Describe)) + "]",
        _ => throw new InvalidOperationException($"Unexpected parameter type {value.GetType()}."),
    };

}
