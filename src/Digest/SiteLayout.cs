namespace Digest;

/// <summary>The names of what a site folder holds, as every stage of the build and every command finds them.</summary>
public static class SiteLayout
{
    /// <summary>The site's settings.</summary>
    public const string SettingsFile = "digest.yml";
    /// <summary>Articles, standalone pages (under <c>pages/</c>), folder defaults and files copied as they are.</summary>
    public const string InputFolder = "input";
    /// <summary>The theme: layouts, includes and assets.</summary>
    public const string ThemeFolder = "theme";
    /// <summary>What a build keeps for the next one; never published.</summary>
    public const string CacheFolder = ".digest-cache";
}
