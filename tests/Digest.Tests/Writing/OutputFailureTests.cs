using System.Diagnostics;

namespace Digest.Tests.Writing;

/// <summary>
/// Issue 15, point 2: every failure to write is a located error with what to do, exit 1, no stack trace, the previous
/// output as it was and no temporary file left behind.
/// </summary>
public sealed class OutputFailureTests
{
    private const string Site = """
        -- digest.yml --
        title: Failing
        base_url: https://failing.example/
        -- input/articles/a.md --
        ---
        title: A story
        date: 2026-11-03
        ---
        Text of the story.
        """;

    [Fact]
    public void AnOutputThatIsAFileIsAnError()
    {
        using var site = new InlineSite(Site);
        File.WriteAllText(site.OutputDirectory, "not a folder");

        AssertFails(site, site.OutputDirectory, "DG9302", "is a file");

        Assert.Equal("not a folder", File.ReadAllText(site.OutputDirectory));
    }

    [Fact]
    public void AnOutputInsideAFileIsAnError()
    {
        using var site = new InlineSite(Site);
        File.WriteAllText(site.OutputDirectory, "not a folder");
        var output = Path.Combine(site.OutputDirectory, "site");

        AssertFails(site, output, "DG9302", "is a file");
    }

    [Fact]
    public void ACacheFolderThatIsAFileIsAnError()
    {
        using var site = new InlineSite(Site);
        site.Write(".digest-cache", "not a folder");

        var (exit, _, stderr) = DigestCommand.Run("build", "--site", site.SiteDirectory, "--output", site.OutputDirectory);

        Assert.Equal(1, exit);
        Assert.Contains(".digest-cache: error DG9303:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.OutputDirectory));
    }

    [Fact]
    public void AFolderThatCannotBeWrittenIsAnErrorAndThePreviousSiteStays()
    {
        using var site = new InlineSite(Site);
        Assert.Equal(0, DigestCommand.Run("build", "--site", site.SiteDirectory, "--output", site.OutputDirectory, "--quiet").ExitCode);
        site.Write("input/articles/a.md", "---\ntitle: A story, changed\ndate: 2026-11-03\n---\nText.\n");
        var before = FolderSnapshot.Take(site.OutputDirectory);
        var parent = Path.GetDirectoryName(site.OutputDirectory)!;
        ReadOnly(parent, true);
        try
        {
            AssertFails(site, site.OutputDirectory, "DG9302", "cannot write");
        }
        finally
        {
            ReadOnly(parent, false);
        }

        before.AssertSame(FolderSnapshot.Take(site.OutputDirectory));
    }

    [Fact]
    public void AFullDiskIsAnErrorAndLeavesNoTemporaryFiles()
    {
        using var site = new InlineSite(Site + "\n-- input/big.bin --\n" + new string('x', 400_000));
        using var disk = new TempFolder();
        var script = $"mount -t tmpfs -o size=256k tmpfs '{disk.Path}' && exec '{Dotnet}' exec '{CliAssembly}' build --site '{site.SiteDirectory}' --output '{disk.Path}/site' --no-cache";
        var start = new ProcessStartInfo(Environment.UserName == "root" ? "sh" : "unshare")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Environment.UserName == "root" ? ["-c", script] : new[] { "-rm", "sh", "-c", script })
        {
            start.ArgumentList.Add(arg);
        }

        string stderr;
        int exit;
        try
        {
            using var process = Process.Start(start)!;
            stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            exit = process.ExitCode;
            Assert.Empty(Run("sh", "-c", $"ls -A '{disk.Path}'"));
        }
        finally
        {
            Run("umount", disk.Path);
        }

        Assert.Equal(1, exit);
        Assert.Contains("error DG9302:", stderr, StringComparison.Ordinal);
        Assert.Contains("space", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";

    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "Digest.Cli.dll");

    private static void AssertFails(InlineSite site, string output, string code, string words)
    {
        var (exit, _, stderr) = DigestCommand.Run("build", "--site", site.SiteDirectory, "--output", output);

        Assert.Equal(1, exit);
        Assert.Contains($"{output}: error {code}:", stderr, StringComparison.Ordinal);
        Assert.Contains(words, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var parent = Path.GetDirectoryName(site.OutputDirectory)!;
        Assert.Empty(Directory.GetFileSystemEntries(parent, "*staging*"));
    }

    /// <summary>Makes a folder unwritable even for root (which ignores permissions): chattr +i when root, else chmod.</summary>
    private static void ReadOnly(string folder, bool readOnly)
    {
        if (Environment.UserName == "root")
        {
            Run("chattr", readOnly ? "+i" : "-i", folder);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, readOnly
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed");
        return output;
    }
}
