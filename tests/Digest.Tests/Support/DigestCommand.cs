using System.Diagnostics;

namespace Digest.Tests.Support;

/// <summary>Runs the real <c>digest</c> entry point (Digest.Cli.dll, copied beside the tests) as a child process.</summary>
internal static class DigestCommand
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "Digest.Cli.dll");

    public static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result.ReplaceLineEndings("\n"), stderr.Result.ReplaceLineEndings("\n"));
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(null, args);
}
