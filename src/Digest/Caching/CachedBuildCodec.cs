using Digest.Bodies;
using Digest.Diagnostics;
using Digest.Writing;
using Microsoft.Win32.SafeHandles;

namespace Digest.Caching;

/// <summary>
/// The payload of <c>build.cache</c>: a <see cref="CachedBuild"/> as binary, field by field (articles by
/// <see cref="ArticleCodec"/>). <see cref="BuildCacheFile"/> wraps it in a checked header and decides when to trust it.
/// </summary>
internal static class CachedBuildCodec
{
    private const int MaxCount = 100_000_000;

    /// <summary>
    /// What a build that finds nothing changed needs comes first (keys, outputs); the inputs, which only a build that
    /// reads files needs, come last and are decoded only when used.
    /// </summary>
    public static void WriteState(BinaryWriter writer, CachedBuild state, string bodiesName, long bodiesLength, UInt128 bodiesHash,
        IReadOnlyDictionary<ArticleContent, ArticleContent> kept)
    {
        WriteHash(writer, state.ReadKey);
        WriteHash(writer, state.SiteKey);
        writer.Write(state.SiteKeyFrom.UtcTicks);
        writer.Write(state.SiteKeyExpires.UtcTicks);
        writer.Write(state.OutputDirectory);
        writer.Write(state.Outputs.Count);
        foreach (var (path, output) in state.Outputs)
        {
            writer.Write(path);
            writer.Write(output.Length);
            writer.Write(output.WriteTicks);
            WriteHash(writer, output.ContentHash);
            WriteHash(writer, output.Fingerprint);
        }

        writer.Write(bodiesName);
        writer.Write(bodiesLength);
        WriteHash(writer, bodiesHash);
        writer.Write(state.Inputs.Count);
        foreach (var (path, input) in state.Inputs)
        {
            writer.Write(path);
            writer.Write(input.Length);
            writer.Write(input.WriteTicks);
            WriteHash(writer, input.ContentHash);
            writer.Write(input.Article is not null);
            if (input.Article is not null)
            {
                ArticleCodec.Write(writer, input.Article, state.Contents, kept);
            }

            WriteDiagnostics(writer, input.Diagnostics);
        }
    }

    private static void WriteDiagnostics(BinaryWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        writer.Write(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(diagnostic.Path);
            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Column);
            writer.Write((byte)diagnostic.Severity);
            writer.Write(diagnostic.Code);
            writer.Write(diagnostic.Message);
        }
    }

    private static Diagnostic[] ReadDiagnostics(BinaryReader reader)
    {
        var diagnostics = new Diagnostic[ReadCount(reader)];
        for (var d = 0; d < diagnostics.Length; d++)
        {
            diagnostics[d] = new Diagnostic(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(),
                (Severity)reader.ReadByte(), reader.ReadString(), reader.ReadString());
        }

        return diagnostics;
    }

    public static CachedBuild ReadState(BinaryReader reader, ContentStore contents)
    {
        var state = new CachedBuild
        {
            Contents = contents,
            ReadKey = ReadHash(reader),
            SiteKey = ReadHash(reader),
            SiteKeyFrom = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
            SiteKeyExpires = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
            OutputDirectory = reader.ReadString(),
        };
        var outputs = ReadCount(reader);
        for (var i = 0; i < outputs; i++)
        {
            state.Outputs[reader.ReadString()] = new OutputRecord(reader.ReadInt64(), reader.ReadInt64(), ReadHash(reader), ReadHash(reader));
        }

        return state;
    }

    /// <summary>One input of the inputs section, as <see cref="WriteState"/> wrote it.</summary>
    public static (string Path, ParsedInput Input) ReadInput(BinaryReader reader, SafeFileHandle bodies)
    {
        var path = reader.ReadString();
        var length = reader.ReadInt64();
        var ticks = reader.ReadInt64();
        var hash = ReadHash(reader);
        var article = reader.ReadBoolean() ? ArticleCodec.Read(reader, bodies) : null;
        return (path, new ParsedInput(length, ticks, hash, article, ReadDiagnostics(reader)));
    }

    public static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= MaxCount ? count : throw new InvalidDataException("Impossible count.");
    }

    public static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }

    public static UInt128 ReadHash(BinaryReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());
}
