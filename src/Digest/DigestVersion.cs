using System.Reflection;
using Digest.Hashing;

namespace Digest;

/// <summary>The running tool: its version, as pages and feeds name their generator, and the exact build, as caches key what made them.</summary>
public static class DigestVersion
{
    /// <summary>The package version, without the commit the SDK appends after '+'.</summary>
    public static string Version { get; } = (typeof(DigestVersion).Assembly.GetName().Version?.ToString(3)) ?? "0.0.0";

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
}
