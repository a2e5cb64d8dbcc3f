using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Digest.Bodies;

/// <summary>
/// Where the HTML of article bodies waits between parsing and the pages that show it: one file, written once per body,
/// read back for each page. A build of 100,000 articles holds no body in memory, only positions. The file is a
/// temporary one, or one kept in the build cache's folder, which the cache then refers to instead of copying it.
/// Where no file can be made (a read-only or missing folder), bodies stay in memory instead. Appends and reads may
/// come from any thread.
/// </summary>
public sealed class ContentStore
{
    private const string KeptPrefix = "bodies-";

    private readonly Lock _lock = new();
    private readonly string? _folder;
    private SafeFileHandle? _file;
    private bool _inMemory;
    private long _length;

    /// <summary>A store in a temporary file, gone with the process.</summary>
    public ContentStore()
    {
    }

    /// <param name="folder">Where the store's file is made and left (the build cache's folder), under a name of its own.</param>
    internal ContentStore(string folder) => _folder = folder;

    /// <summary>The name of the kept file in its folder, once it is made; null for a temporary store.</summary>
    internal string? KeptFileName { get; private set; }

    /// <summary>Whether a file name is that of a store's kept file (for removing those nothing refers to).</summary>
    internal static bool IsKeptFileName(string name) => name.StartsWith(KeptPrefix, StringComparison.Ordinal);

    /// <summary>How far the file is written: every body added so far lies before this.</summary>
    internal long Length
    {
        get
        {
            lock (_lock)
            {
                return _length;
            }
        }
    }

    /// <summary>The kept file, once it is made.</summary>
    internal SafeFileHandle? KeptFile => KeptFileName is null ? null : _file;

    /// <summary>Whether a body lies in this store's kept file.</summary>
    internal bool Keeps(ArticleContent content) => KeptFileName is not null && content.File is { } file && ReferenceEquals(file, _file);

    /// <summary>Writes one body (UTF-8) and returns where it is.</summary>
    public ArticleContent Add(ReadOnlySpan<byte> utf8Html, UInt128 hash)
    {
        long offset;
        SafeFileHandle? file;
        lock (_lock)
        {
            file = _inMemory ? null : (_file ??= OpenFile());
            if (file is null)
            {
                _inMemory = true;
                return new ArticleContent(utf8Html.ToArray(), hash);
            }

            offset = _length;
            _length += utf8Html.Length;
        }

        RandomAccess.Write(file, utf8Html, offset);
        return new ArticleContent(file, offset, utf8Html.Length, hash);
    }

    /// <summary>
    /// A body that already lies in another file, such as the build cache: read from there, through a handle that
    /// stays valid even after the file is replaced, so nothing is copied unless a page shows it.
    /// </summary>
    public static ArticleContent InFile(SafeFileHandle file, long offset, int utf8Length, UInt128 hash) => new(file, offset, utf8Length, hash);

    /// <summary>A copy of a body that lies elsewhere (another store, an earlier cache's file).</summary>
    internal ArticleContent Add(ArticleContent content)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(content.Utf8Length);
        try
        {
            content.CopyTo(bytes);
            return Add(bytes.AsSpan(0, content.Utf8Length), content.Hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public ArticleContent Add(string html)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(html.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(html, bytes);
            var utf8 = bytes.AsSpan(0, length);
            return Add(utf8, Hashing.Fingerprint.Of(utf8));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    internal static void Read(SafeFileHandle file, long offset, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(file, destination, offset);
            if (read == 0)
            {
                throw new IOException("A file holding article bodies ended early.");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    private SafeFileHandle? OpenFile()
    {
        if (_folder is null)
        {
            return OpenTemporaryFile();
        }

        var name = KeptPrefix + Guid.NewGuid().ToString("N");
        try
        {
            Directory.CreateDirectory(_folder);
            var file = File.OpenHandle(Path.Combine(_folder, name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
            KeptFileName = name;
            return file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SafeFileHandle? OpenTemporaryFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-content-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, FileOptions.DeleteOnClose);
            if (!OperatingSystem.IsWindows())
            {
                // Gone from the folder at once: nothing is left behind even if the process is killed.
                File.Delete(path);
            }

            return file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The HTML of one article's body, kept in a file (or, failing that, in memory); <see cref="Html"/> reads it back.</summary>
public sealed class ArticleContent
{
    private readonly SafeFileHandle? _file;
    private readonly long _offset;
    private readonly byte[]? _inMemory;

    /// <summary>The file the body lies in, and where; null when it is in memory.</summary>
    internal SafeFileHandle? File => _file;
    internal long Offset => _offset;

    internal ArticleContent(SafeFileHandle file, long offset, int utf8Length, UInt128 hash)
    {
        _file = file;
        _offset = offset;
        Utf8Length = utf8Length;
        Hash = hash;
    }

    internal ArticleContent(byte[] utf8Html, UInt128 hash)
    {
        _inMemory = utf8Html;
        Utf8Length = utf8Html.Length;
        Hash = hash;
    }

    public int Utf8Length { get; }

    /// <summary>A hash of the HTML, so that fingerprints need not read it.</summary>
    public UInt128 Hash { get; }

    public string Html
    {
        get
        {
            var bytes = ArrayPool<byte>.Shared.Rent(Utf8Length);
            try
            {
                CopyTo(bytes.AsSpan(0, Utf8Length));
                return Encoding.UTF8.GetString(bytes, 0, Utf8Length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    public void CopyTo(Span<byte> destination)
    {
        if (_inMemory is not null)
        {
            _inMemory.CopyTo(destination);
        }
        else
        {
            ContentStore.Read(_file!, _offset, destination[..Utf8Length]);
        }
    }

    /// <summary>The HTML: what a template shows when it prints the value itself.</summary>
    public override string ToString() => Html;
}
