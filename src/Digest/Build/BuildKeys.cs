using Digest.Caching;
using Digest.Content;
using Digest.Hashing;

namespace Digest.Build;

/// <summary>The keys that decide whether earlier work still holds: for reading files, and for the whole output.</summary>
internal static class BuildKeys
{
    /// <summary>
    /// Everything the whole output depends on: how files are read (settings, folder defaults, the tool), the theme, the
    /// options, the output folder, the Pagefind that indexes it (zero for none), and the size and time of every input file. The clock matters only through the dates
    /// of articles, which <see cref="CachedBuild.SiteKeyFrom"/> and <see cref="CachedBuild.SiteKeyExpires"/> cover.
    /// </summary>
    public static UInt128 SiteKey(BuildOptions options, UInt128 readKey, InputFiles inputs, UInt128 themeKey, UInt128 searchKey)
    {
        var key = new Fingerprint().AddHash(readKey).AddHash(themeKey).AddHash(searchKey).Add(options.ResolvedOutputDirectory)
            .Add(options.Drafts ? 1 : 0).Add(options.Future ? 1 : 0).Add(options.StrictVariables ? 1 : 0);
        // Every file is in one of the lists, each already sorted.
        foreach (var path in inputs.Articles.Concat(inputs.Pages).Concat(inputs.DirectoryDefaults).Concat(inputs.StaticFiles))
        {
            var (length, writeTicks) = inputs.Stamps[path];
            key.Add(path).Add(length).Add(writeTicks);
        }

        return key.Value;
    }

    /// <summary>Everything that decides what reading a file gives besides its own bytes: settings, folder defaults, the tool.</summary>
    public static UInt128 ReadKey(string root, IReadOnlyList<KeyValuePair<string, string>> overrides, IEnumerable<(string Path, string Text)> defaults)
    {
        var key = new Fingerprint().AddHash(DigestVersion.BuildKey);
        var settingsFile = Path.Combine(root, SiteLayout.SettingsFile);
        key.Add(File.Exists(settingsFile) ? File.ReadAllText(settingsFile) : null);
        foreach (var (name, value) in overrides)
        {
            key.Add(name).Add(value);
        }

        foreach (var (path, text) in defaults)
        {
            key.Add(path).Add(text);
        }

        return key.Value;
    }
}
