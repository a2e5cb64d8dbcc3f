namespace Digest.Publishing;

/// <summary>How one <c>git</c> command ended.</summary>
public sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line git printed about a failure, for messages.</summary>
    public string Reason => (Error.Length > 0 ? Error : Output).Trim().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {ExitCode}";
}
