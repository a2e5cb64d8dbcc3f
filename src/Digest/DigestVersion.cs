using System.Reflection;
using Digest.Hashing;

namespace Digest;

/// <summary>The running tool: its version, as pages and feeds name their generator, and the exact build, as caches key what made them.</summary>
public static class DigestVersion
{
    /// <summary>
    /// The package version, which comes from the release's git tag: the informational version without the <c>+commit</c>
    /// the SDK appends (the assembly version is only the major version, for binding).
    /// </summary>
    public static string Version { get; } = PackageVersion(
        typeof(DigestVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    /// <summary>What the site's generator meta tag and feeds say made them.</summary>
    public static string Generator { get; } = "Digest " + Version;

    /// <summary>Identifies the exact build of the engine, so that a changed Digest never trusts a cache, or reuses a parsed template, of an older one.</summary>
    public static UInt128 BuildKey { get; } = new Fingerprint()
        .Add(Generator)
        .Add(typeof(DigestVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion)
        .Add(typeof(DigestVersion).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(Markdig.Markdown).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(Scriban.Template).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(YamlDotNet.Core.Parser).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Value;

    /// <summary>
    /// The package version of a tool whose assembly says <paramref name="informationalVersion"/>: without the
    /// <c>+commit</c> suffix the SDK appends (<c>0.1.0+46e1f34…</c> is package <c>0.1.0</c>).
    /// </summary>
    public static string PackageVersion(string informationalVersion)
    {
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informationalVersion : informationalVersion[..plus];
    }
}
