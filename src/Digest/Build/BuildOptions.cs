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

    /// <summary>
    /// With <see cref="UseCache"/>: also write what the build learnt back to <c>.digest-cache/</c>. The preview only
    /// reads it: its pages go to a temporary folder, and the cache keeps describing <c>output/</c> for the next build.
    /// </summary>
    public bool UpdateCache { get; init; } = true;

    /// <summary>
    /// Nothing but this session writes to the output folder (the preview's temporary one), so later builds keep its
    /// files as the session left them without checking each one on disk.
    /// </summary>
    public bool PrivateOutput { get; init; }

    /// <summary>
    /// Build into an output folder that holds files no Digest build wrote: files of the same names as the build's are
    /// replaced, every other one is kept. Never allows an output in the site's sources, the home folder or '/'.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>A warning when the output grows past this many bytes: GitHub Pages refuses sites over 1 GB.</summary>
    internal long OutputSizeWarning { get; init; } = 800L * 1024 * 1024;

    /// <summary>Every override of digest.yml: <see cref="Overrides"/>, then <see cref="BaseUrl"/> as base_url.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SettingOverrides =>
        BaseUrl is null ? Overrides : [.. Overrides, new("base_url", BaseUrl)];

    public string ResolvedOutputDirectory => Path.GetFullPath(OutputDirectory ?? Path.Combine(SiteDirectory, "output"));
}
