using System.Buffers;
using Digest.Bodies;
using Digest.Content;
using Microsoft.Win32.SafeHandles;

namespace Digest.Caching;

/// <summary>Writes and reads an <see cref="Article"/> field by field for the build cache.</summary>
internal static class ArticleCodec
{
    private enum ValueKind : byte
    {
        Null,
        Text,
        Boolean,
        Integer,
        Real,
        List,
        Map,
    }

    /// <param name="bodies">The store whose kept file holds every body the cache refers to (see <see cref="BuildCacheFile.Save"/>).</param>
    /// <param name="kept">The copy in that file of a body that lay elsewhere.</param>
    public static void Write(BinaryWriter writer, Article article, ContentStore bodies, IReadOnlyDictionary<ArticleContent, ArticleContent> kept)
    {
        writer.Write(article.SourcePath);
        writer.Write(article.FileName);
        writer.Write(article.IsPage);
        writer.Write(article.Title);
        WriteDate(writer, article.Date);
        WriteDate(writer, article.Updated);
        writer.Write(article.Slug);
        writer.Write(article.Summary);
        WriteContent(writer, bodies.Keeps(article.Content) ? article.Content : kept[article.Content]);
        WriteList(writer, article.Authors);
        writer.Write(article.Source);
        writer.Write(article.SourceUrl);
        WriteList(writer, article.Categories);
        WriteList(writer, article.Tags);
        writer.Write(article.Image);
        writer.Write(article.ImageAlt);
        writer.Write(article.ImageWidth);
        writer.Write(article.ImageHeight);
        writer.Write(article.Lang);
        writer.Write(article.TranslationKey);
        writer.Write(article.TranslationOf);
        writer.Write(article.TranslationOfLine);
        writer.Write(article.Layout is not null);
        writer.Write(article.Layout ?? "");
        writer.Write(article.LayoutLine);
        writer.Write(article.Draft);
        writer.Write(article.MenuOrder);
        writer.Write(article.WordCount);
        writer.Write(article.ReadingMinutes);
        WriteValue(writer, article.Params);
    }

    public static Article Read(BinaryReader reader, SafeFileHandle bodies)
    {
        var article = new Article
        {
            SourcePath = reader.ReadString(),
            FileName = reader.ReadString(),
            IsPage = reader.ReadBoolean(),
            Title = reader.ReadString(),
            Date = ReadDate(reader),
            Updated = ReadDate(reader),
            Slug = reader.ReadString(),
            Summary = reader.ReadString(),
            Content = ReadContent(reader, bodies),
            Authors = ReadList(reader),
            Source = reader.ReadString(),
            SourceUrl = reader.ReadString(),
            Categories = ReadList(reader),
            Tags = ReadList(reader),
            Image = reader.ReadString(),
            ImageAlt = reader.ReadString(),
            ImageWidth = reader.ReadInt32(),
            ImageHeight = reader.ReadInt32(),
            Lang = reader.ReadString(),
            TranslationKey = reader.ReadString(),
            TranslationOf = reader.ReadString(),
            TranslationOfLine = reader.ReadInt32(),
        };
        var hasLayout = reader.ReadBoolean();
        var layout = reader.ReadString();
        return article with
        {
            Layout = hasLayout ? layout : null,
            LayoutLine = reader.ReadInt32(),
            Draft = reader.ReadBoolean(),
            MenuOrder = reader.ReadInt32(),
            WordCount = reader.ReadInt32(),
            ReadingMinutes = reader.ReadInt32(),
            Params = ReadValue(reader) as Dictionary<string, object?> ?? throw new InvalidDataException("Article params are not a map."),
        };
    }

    /// <summary>Where the body lies in the file of bodies beside the cache.</summary>
    private static void WriteContent(BinaryWriter writer, ArticleContent content)
    {
        CachedBuildCodec.WriteHash(writer, content.Hash);
        writer.Write(content.Utf8Length);
        writer.Write(content.Offset);
    }

    /// <summary>The body stays in the file of bodies, read only if a page shows it: a build with nothing to do copies nothing.</summary>
    private static ArticleContent ReadContent(BinaryReader reader, SafeFileHandle bodies)
    {
        var hash = CachedBuildCodec.ReadHash(reader);
        var length = CachedBuildCodec.ReadCount(reader);
        var offset = reader.ReadInt64();
        return ContentStore.InFile(bodies, offset, length, hash);
    }

    private static void WriteDate(BinaryWriter writer, DateTimeOffset? date)
    {
        writer.Write(date.HasValue);
        writer.Write(date?.Ticks ?? 0);
        writer.Write(date?.Offset.Ticks ?? 0);
    }

    private static DateTimeOffset? ReadDate(BinaryReader reader)
    {
        var has = reader.ReadBoolean();
        var ticks = reader.ReadInt64();
        var offset = reader.ReadInt64();
        return has ? new DateTimeOffset(ticks, TimeSpan.FromTicks(offset)) : null;
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> items)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            writer.Write(item);
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var items = new string[CachedBuildCodec.ReadCount(reader)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reader.ReadString();
        }

        return items;
    }

    /// <summary>The plain values <see cref="YamlValues"/> produces: null, text, booleans, numbers, lists and maps.</summary>
    private static void WriteValue(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Write((byte)ValueKind.Null); break;
            case string text: writer.Write((byte)ValueKind.Text); writer.Write(text); break;
            case bool flag: writer.Write((byte)ValueKind.Boolean); writer.Write(flag); break;
            case long number: writer.Write((byte)ValueKind.Integer); writer.Write(number); break;
            case double number: writer.Write((byte)ValueKind.Real); writer.Write(number); break;
            case IReadOnlyDictionary<string, object?> map:
                writer.Write((byte)ValueKind.Map);
                writer.Write(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.Write(key);
                    WriteValue(writer, item);
                }

                break;
            case IReadOnlyList<object?> list:
                writer.Write((byte)ValueKind.List);
                writer.Write(list.Count);
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                break;
            default: throw new InvalidOperationException($"An article parameter of type {value.GetType()} cannot be cached.");
        }
    }

    private static object? ReadValue(BinaryReader reader)
    {
        switch ((ValueKind)reader.ReadByte())
        {
            case ValueKind.Null: return null;
            case ValueKind.Text: return reader.ReadString();
            case ValueKind.Boolean: return reader.ReadBoolean();
            case ValueKind.Integer: return reader.ReadInt64();
            case ValueKind.Real: return reader.ReadDouble();
            case ValueKind.Map:
                var count = CachedBuildCodec.ReadCount(reader);
                var map = new Dictionary<string, object?>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    map[reader.ReadString()] = ReadValue(reader);
                }

                return map;
            case ValueKind.List:
                var items = new List<object?>(CachedBuildCodec.ReadCount(reader));
                for (var i = 0; i < items.Capacity; i++)
                {
                    items.Add(ReadValue(reader));
                }

                return items;
            default: throw new InvalidDataException("Unknown value kind in the cache.");
        }
    }
}
