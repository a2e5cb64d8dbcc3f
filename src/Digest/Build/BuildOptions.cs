namespace Digest.Build;

/// <summary>What <c>digest build</c> was asked to do.</summary>
public sealed record BuildOptions
{
    /// <summary>The site's root folder, holding digest.yml, input/ and theme/.</summary>
    public required string SiteDirectory { get; init; }
    /// <summary>Where the site is written; defaults to output/ in the site.</summary>
    public string? OutputDirectory { get; init; }
    public string? BaseUrl { get; init; }
    public bool Drafts { get; init; }
    public bool Future { get; init; }
    /// <summary><c>--set key=value</c> overrides of digest.yml.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Overrides { get; init; } = [];
    /// <summary>Fail on undefined template variables instead of rendering them empty.</summary>
    public bool StrictVariables { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>
    /// Keep what a build learnt in <c>.digest-cache/</c> in the site folder, so the next process reads and renders only
    /// what changed. An optimization only: the output is the same with or without it. On for the command line.
    /// </summary>
    public bool UseCache { get; init; }

    public string ResolvedOutputDirectory => Path.GetFullPath(OutputDirectory ?? Path.Combine(SiteDirectory, "output"));
}
