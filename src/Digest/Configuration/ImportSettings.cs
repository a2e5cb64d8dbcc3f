namespace Digest.Configuration;

/// <summary>The <c>import:</c> section of <c>digest.yml</c>, read by <c>digest import</c> only.</summary>
public sealed record ImportSettings
{
    /// <summary>Texts that begin a signature or footer: the paragraph that begins with one, and all after it, are not imported.</summary>
    public IReadOnlyList<string> Signatures { get; init; } = [];

    /// <summary>How many tags to suggest from a story's text; 0, the default, suggests none.</summary>
    public int Tags { get; init; }
}
