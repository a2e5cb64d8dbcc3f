namespace Digest.Importing;

/// <summary>What <c>digest import</c> was asked to do.</summary>
public sealed record ImportOptions
{
    public required string SiteDirectory { get; init; }

    /// <summary>Files, folders (read whole, sorted) and http(s) URLs of feeds, as the user gave them.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Write nothing; the result still holds every article's text.</summary>
    public bool DryRun { get; init; }

    /// <summary>Replace the file of a story the site holds already, instead of skipping it.</summary>
    public bool Update { get; init; }

    /// <summary>The category of stories that name none (before a folder's name).</summary>
    public string? Category { get; init; }

    /// <summary>The source of stories that name none.</summary>
    public string? Source { get; init; }

    /// <summary>How many tags to suggest per story; null takes <c>import: tags:</c> from digest.yml.</summary>
    public int? Tags { get; init; }

    /// <summary>The date of a feed item that has none.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
