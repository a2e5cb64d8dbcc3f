namespace Digest.Testing;

/// <summary>Runs the real <c>digest</c> entry point (Digest.Cli.dll, copied beside the tests) as a child process.</summary>
public static class DigestCommand
{
    /// <summary>Digest.Cli.dll beside the test assembly; its runtimeconfig.json sits next to it.</summary>
    public static string CliAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Digest.Cli.dll");

    /// <summary>The <c>dotnet</c> host that runs the tests, so the child runs on the same runtime.</summary>
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunWith([], environment, args);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(null, args);

    /// <summary>Runs <c>dotnet exec [hostOptions] Digest.Cli.dll args</c>, e.g. with <c>--runtimeconfig</c> of another file.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(
        IEnumerable<string> hostOptions, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (exit, stdout, stderr) = ProcessRunner.Run(Environment.CurrentDirectory, Host, ["exec", .. hostOptions, CliAssembly, .. args], environment);
        return (exit, stdout.ReplaceLineEndings("\n"), stderr.ReplaceLineEndings("\n"));
    }
}
