using Digest.Bodies;
using Digest.Writing;

namespace Digest.Caching;

/// <summary>
/// What one build leaves for the next build, in this process or the next: the inputs as read and the outputs as written.
/// <see cref="BuildCacheFile"/> keeps it on disk in <c>.digest-cache/build.cache</c>; a build session keeps it in memory,
/// beside what only the session remembers (<c>Build.SessionMemo</c>).
/// </summary>
internal sealed class CachedBuild
{
    private Dictionary<string, ParsedInput>? _inputs;
    private Func<Dictionary<string, ParsedInput>>? _readInputs;
    private int _inputCount;

    /// <summary>Hash of everything that decides how a file is read (settings, folder defaults, tool version).</summary>
    public UInt128 ReadKey { get; set; }
    /// <summary>The article bodies of <see cref="Inputs"/>.</summary>
    public ContentStore Contents { get; init; } = new();

    /// <summary>
    /// Every input as last read. From the cache file they are decoded on first use: a build that finds nothing changed
    /// never uses them.
    /// </summary>
    public Dictionary<string, ParsedInput> Inputs
    {
        get => _inputs ?? LazyInitializer.EnsureInitialized(ref _inputs, () => _readInputs?.Invoke() ?? new(StringComparer.Ordinal));
        set => (_inputs, _readInputs) = (value, null);
    }

    /// <summary>
    /// Why the inputs the cache held were found damaged when first used (and dropped, so every file is read again), until
    /// a build reports it; null when they were not.
    /// </summary>
    public string? InputsDamage { get; set; }

    /// <summary>How many <see cref="Inputs"/> there are, without decoding them.</summary>
    public int InputCount => _inputs?.Count ?? _inputCount;
    /// <summary>The output folder the <see cref="Outputs"/> describe.</summary>
    public string OutputDirectory { get; set; } = "";
    public Dictionary<string, OutputRecord> Outputs { get; set; } = new(StringComparer.Ordinal);
    /// <summary>
    /// Everything the whole output of the last successful build depended on (see <c>SiteBuilder.SiteKey</c>); zero
    /// when there was none. A build with the same key, from <see cref="SiteKeyFrom"/> until before
    /// <see cref="SiteKeyExpires"/>, has nothing to do.
    /// </summary>
    public UInt128 SiteKey { get; set; }
    /// <summary>The date of the newest article that build showed: a clock set back before it hides the article again.</summary>
    public DateTimeOffset SiteKeyFrom { get; set; }
    /// <summary>When the first article held back for its future date comes due, and the same inputs make another site.</summary>
    public DateTimeOffset SiteKeyExpires { get; set; }
    /// <summary>Set when a build changed anything above, so that the copy on disk is out of date.</summary>
    public bool Dirty { get; set; }

    /// <summary>Makes <see cref="Inputs"/> come from <paramref name="read"/>, <paramref name="count"/> of them, when first used.</summary>
    public void ReadInputsLater(int count, Func<Dictionary<string, ParsedInput>> read) => (_inputs, _readInputs, _inputCount) = (null, read, count);
}
