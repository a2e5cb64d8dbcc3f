using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Digest.Publishing;

/// <summary>Runs the real <c>git</c> command in one repository, with optional input and extra environment.</summary>
public sealed class Git(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
{
    public Git With(IReadOnlyDictionary<string, string> extra) =>
        new(workingDirectory, (environment ?? new Dictionary<string, string>()).Concat(extra).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    public async Task<GitResult> RunAsync(IEnumerable<string> arguments, string? input = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Never wait for a password prompt: publishing runs unattended, and a prompt would hang it.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new GitMissingException("the git command was not found. Install git (https://git-scm.com) and try again.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return new GitResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }
}
