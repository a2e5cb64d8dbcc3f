using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using Digest.Bodies;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Digest.Caching;

/// <summary>
/// The on-disk form of <see cref="CachedBuild"/> in <c>.digest-cache/</c>: a header (format, tool version, payload
/// length and hash) and a binary payload, which names the file of article bodies beside it (the <see cref="ContentStore"/>
/// file the build wrote them to, kept rather than copied: at 100,000 articles that is 500 MB not written twice) with
/// its length and hash. A file that is truncated, altered, or written by another version of Digest, or whose bodies
/// are missing or altered, is never trusted: it is reported (damaged ones as DG9101) and the build goes on as if it
/// were absent. Saving writes a new file and renames it over the old one, so a crash mid-write cannot leave half a
/// cache; files of bodies that no cache names any more are removed then.
/// </summary>
internal static class BuildCacheFile
{
    public const string FileName = "build.cache";

    /// <summary>"DGCACHE" and the format's version: a file of another version was written by another Digest, not damaged.</summary>
    private static readonly byte[] Magic = "DGCACHE4"u8.ToArray();
    private const int HeaderLength = 8 + 16 + 8 + 16;


    /// <param name="contents">Where the loaded state's builds put the bodies they read.</param>
    public static CachedBuild? Load(string path, string displayPath, DiagnosticBag diagnostics, ContentStore contents)
    {
        SafeFileHandle? handle = null;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            // One handle for everything read from this file (and one for its bodies): the inputs are read through it
            // later, even after a build (this one or another process) has replaced the file, which FileShare.Delete allows.
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
            var state = Read(handle, Path.GetDirectoryName(path)!, displayPath, diagnostics, contents);
            if (state is null)
            {
                handle.Dispose();
            }

            return state;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or FormatException
            or OverflowException)
        {
            handle?.Dispose();
            Damaged(displayPath, diagnostics, $"it could not be read ({ex.Message})");
            return null;
        }
    }

    private static CachedBuild? Read(SafeFileHandle handle, string folder, string displayPath, DiagnosticBag diagnostics, ContentStore contents)
    {
        using var file = new FileStream(new SafeFileHandle(handle.DangerousGetHandle(), ownsHandle: false), FileAccess.Read, 1 << 16);
        var header = new byte[HeaderLength];
        if (file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header.AsSpan(0, 7).SequenceEqual(Magic.AsSpan(0, 7)))
        {
            Damaged(displayPath, diagnostics, "it does not start with a Digest cache header");
            return null;
        }

        if (header[7] != Magic[7] || BinaryPrimitives.ReadUInt128LittleEndian(header.AsSpan(8)) != DigestVersion.BuildKey)
        {
            return null; // written by another build of Digest: expected after an upgrade, not damage
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(24));
        var hash = BinaryPrimitives.ReadUInt128LittleEndian(header.AsSpan(32));
        if (file.Length - HeaderLength != length || Hash(handle, HeaderLength, file.Length) != hash)
        {
            Damaged(displayPath, diagnostics, "it is truncated or its checksum does not match");
            return null;
        }

        // The checksum holds, so what follows was written by this very tool: read it.
        file.Position = HeaderLength;
        using var reader = new BinaryReader(new BufferedStream(file, 1 << 16), Encoding.UTF8);
        var state = CachedBuildCodec.ReadState(reader, contents);
        var (bodiesName, bodiesLength, bodiesHash) = (reader.ReadString(), reader.ReadInt64(), CachedBuildCodec.ReadHash(reader));
        SafeFileHandle? bodies = null;
        if (bodiesName.Length > 0)
        {
            try
            {
                bodies = File.OpenHandle(Path.Combine(folder, bodiesName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                    FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                Damaged(displayPath, diagnostics, $"its file of article bodies ({bodiesName}) is missing");
                return null;
            }

            if (RandomAccess.GetLength(bodies) < bodiesLength)
            {
                bodies.Dispose();
                Damaged(displayPath, diagnostics, $"its file of article bodies ({bodiesName}) is truncated");
                return null;
            }
        }

        // The bodies' checksum is verified when the inputs are first used: a build that finds nothing changed reads neither.
        var inputs = CachedBuildCodec.ReadCount(reader);
        var inputsAt = reader.BaseStream.Position;
        state.ReadInputsLater(inputs, () => ReadInputs(state, handle, inputsAt, inputs, bodies is null ? null : (bodiesName, bodies, bodiesLength, bodiesHash)));
        return state;
    }

    /// <summary>
    /// Writes the state, whose <see cref="CachedBuild.Contents"/> must keep its file in the cache's folder: every body the
    /// cache refers to is first put there (only those read from an earlier cache are not yet), then that file is named.
    /// </summary>
    /// <returns>False when the bodies cannot all be put in a kept file, and nothing was written.</returns>
    public static bool Save(string path, CachedBuild state)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var bodies = state.Contents;
        var kept = new Dictionary<ArticleContent, ArticleContent>(ReferenceEqualityComparer.Instance);
        foreach (var content in state.Inputs.Values.Select(i => i.Article?.Content).OfType<ArticleContent>().Where(c => !bodies.Keeps(c)))
        {
            var copy = bodies.Add(content);
            if (!bodies.Keeps(copy))
            {
                return false;
            }

            kept[content] = copy;
        }

        var bodiesLength = bodies.Length;
        var bodiesName = bodies.KeptFileName ?? "";
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(new byte[HeaderLength]);
            var hashing = new HashingStream(file);
            using (var writer = new BinaryWriter(new BufferedStream(hashing, 1 << 16), Encoding.UTF8))
            {
                CachedBuildCodec.WriteState(writer, state, bodiesName, bodiesLength, bodiesName.Length == 0 ? UInt128.Zero : Hash(bodies.KeptFile!, 0, bodiesLength), kept);
            }

            var header = new byte[HeaderLength];
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(8), DigestVersion.BuildKey);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), hashing.Count);
            BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(32), hashing.Hash);
            file.Position = 0;
            file.Write(header);
        }

        File.Move(temporary, path, overwrite: true);
        foreach (var stale in Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(n => ContentStore.IsKeptFileName(n!) && n != bodiesName))
        {
            try
            {
                File.Delete(Path.Combine(folder, stale!));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process still has it open where that forbids deleting (Windows): the next save removes it.
            }
        }

        return true;
    }

    /// <summary>The hash of a file's bytes from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static UInt128 Hash(SafeFileHandle file, long start, long end)
    {
        var hash = new System.IO.Hashing.XxHash128();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (var at = start; at < end;)
            {
                var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - at)), at);
                if (read == 0)
                {
                    throw new InvalidDataException("The file ended early.");
                }

                hash.Append(buffer.AsSpan(0, read));
                at += read;
            }

            return hash.GetCurrentHashAsUInt128();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reports what <see cref="CachedBuild.InputsDamage"/> says, once, as a damaged cache.</summary>
    public static void ReportInputsDamage(CachedBuild state, DiagnosticBag diagnostics)
    {
        if (state.InputsDamage is { } why)
        {
            Damaged(SiteLayout.CacheFolder + "/" + FileName, diagnostics, why);
            state.InputsDamage = null;
        }
    }

    private static void Damaged(string displayPath, DiagnosticBag diagnostics, string why) =>
        diagnostics.Warning(displayPath, 0, 0, DiagnosticCodes.CacheDamaged,
            $"the build cache was ignored because {why}. Nothing is lost: this build reads every file again and rewrites the cache; delete {SiteLayout.CacheFolder}/ if the warning comes back.");

    /// <summary>
    /// The inputs section, from the file whose checksum was verified when it was opened, once the file of bodies is
    /// verified too; should either fail, every input is read again and <see cref="CachedBuild.InputsDamage"/> says why.
    /// </summary>
    private static Dictionary<string, ParsedInput> ReadInputs(CachedBuild state, SafeFileHandle file, long position, int count,
        (string Name, SafeFileHandle File, long Length, UInt128 Hash)? bodies)
    {
        var inputs = new Dictionary<string, ParsedInput>(count, StringComparer.Ordinal);
        try
        {
            if (bodies is { } kept && Hash(kept.File, 0, kept.Length) != kept.Hash)
            {
                state.InputsDamage = $"its file of article bodies ({kept.Name}) does not match its checksum";
                return new Dictionary<string, ParsedInput>(StringComparer.Ordinal);
            }

            using var stream = new FileStream(new SafeFileHandle(file.DangerousGetHandle(), ownsHandle: false), FileAccess.Read, 1 << 16);
            stream.Position = position;
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            for (var i = 0; i < count; i++)
            {
                var (path, input) = CachedBuildCodec.ReadInput(reader, bodies?.File ?? file);
                inputs[path] = input;
            }

            return stream.Position == stream.Length ? inputs : throw new InvalidDataException("Trailing bytes after the cache payload.");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException or FormatException or OverflowException)
        {
            state.InputsDamage = $"its inputs could not be read ({ex.Message})";
            return new Dictionary<string, ParsedInput>(StringComparer.Ordinal);
        }
    }
}
