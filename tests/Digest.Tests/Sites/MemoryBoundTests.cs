using System.Text;

namespace Digest.Tests.Sites;

/// <summary>Issue 15, point 3: memory stays bounded by the input, not by how often a page repeats it.</summary>
public sealed class MemoryBoundTests
{
    [Fact]
    public void SixFourMegabyteArticlesOfShortLinesBuildInHalfAGigabyte()
    {
        using var folder = new TempFolder();
        var site = folder.Combine("site");
        var articles = Directory.CreateDirectory(Path.Combine(site, "input", "articles")).FullName;
        File.WriteAllText(Path.Combine(site, "digest.yml"), "title: Big\nbase_url: https://big.example/\n");
        var body = new StringBuilder().Insert(0, "short line\n", 4 * 1024 * 1024 / 11).ToString();
        for (var i = 1; i <= 6; i++)
        {
            File.WriteAllText(Path.Combine(articles, $"big{i}.md"), $"---\ntitle: Big {i}\ndate: 2026-11-0{i}\n---\n" + body);
        }

        // The collector's hard limit: past it the build fails with OutOfMemoryException instead of taking more.
        var (exit, _, stderr) = DigestCommand.Run(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" },
            "build", "--site", site, "--output", folder.Combine("output"), "--no-cache", "--quiet");

        Assert.True(exit == 0, stderr);
        // A summary made from the first paragraph is cut, so the lists do not repeat 4 MB per article.
        var home = new FileInfo(folder.Combine("output", "index.html")).Length;
        Assert.True(home < 64 * 1024, $"index.html is {home:N0} bytes.");
    }
}
