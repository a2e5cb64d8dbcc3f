using System.Text;
using System.Xml;

namespace Digest.Outputs;

/// <summary>Writes XML documents the same way every time: UTF-8 without BOM, two-space indent, '\n' newlines.</summary>
internal static class XmlOutput
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static void Write(Stream output, Action<XmlWriter> write)
    {
        using (var writer = XmlWriter.Create(output, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Strips characters XML 1.0 cannot carry (control characters from hostile input).</summary>
    public static string Clean(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return new string([.. text.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch))]);
            }
        }

        return text;
    }
}
