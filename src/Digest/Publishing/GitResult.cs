namespace Digest.Publishing;

/// <summary>How one <c>git</c> command ended.</summary>
public sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>What git printed about a failure, on one line for messages (its hints left out).</summary>
    public string Reason
    {
        get
        {
            var lines = (Error.Length > 0 ? Error : Output).Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("hint:", StringComparison.Ordinal))
                .ToList();
            return lines.Count > 0 ? string.Join(" / ", lines) : $"exit code {ExitCode}";
        }
    }
}
