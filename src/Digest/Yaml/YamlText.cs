using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Digest.Yaml;

/// <summary>A YAML syntax error at its 1-based position in the YAML text.</summary>
internal sealed record YamlError(int Line, int Column, string Message, bool TooComplex = false);

/// <summary>Loads YAML text into YamlDotNet's node model, turning every failure into a positioned <see cref="YamlError"/>.</summary>
internal static class YamlText
{
    /// <summary>The root node (null for an empty document), or the error that stopped the parser.</summary>
    public static YamlNode? Load(string yaml, out YamlError? error)
    {
        error = null;
        var stream = new YamlStream();
        var parser = new GuardedYamlParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (ArgumentException)
        {
            // YamlDotNet's loader throws this on a map it parses but cannot load, such as '- : x' (a key left empty).
            var start = parser.LastCollectionStart;
            error = new YamlError((int)start.Line, (int)start.Column, "YAML syntax error: a key or value is missing in this entry");
            return null;
        }
        catch (YamlLimitException ex)
        {
            error = new YamlError((int)ex.Start.Line, (int)ex.Start.Column, ex.Message, TooComplex: true);
            return null;
        }
        catch (YamlException ex)
        {
            // At the end of a text without a final newline, YamlDotNet reports the line after the last one.
            var (line, column) = WithinText(yaml, ((int)ex.Start.Line, (int)ex.Start.Column));
            error = new YamlError(line, column, Describe(ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on some unclosed flow collections ("[2026-11-03" before
            // another key): report where the last token it could read ends.
            var (line, column) = WithinText(yaml, LastReadablePosition(yaml));
            error = new YamlError(line, column, "YAML syntax error: a '[' list or '{' map is not closed");
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>YamlDotNet's message without its own "(Line: …)" position, which Digest reports itself.</summary>
    private static string Describe(YamlException ex)
    {
        var message = (ex.InnerException as YamlException ?? ex).Message;
        var position = message.IndexOf("(Line:", StringComparison.Ordinal);
        if (position >= 0)
        {
            var end = message.IndexOf("):", position, StringComparison.Ordinal);
            message = end >= 0 ? message[..position] + message[(end + 2)..] : message[..position];
        }

        message = message.Trim().TrimEnd('.');
        return message.Length == 0 ? "invalid YAML" : "YAML syntax error: " + char.ToLowerInvariant(message[0]) + message[1..];
    }

    private static (int Line, int Column) WithinText(string yaml, (int Line, int Column) position)
    {
        var (line, column) = position;
        var lines = yaml.Split('\n');
        return line <= lines.Length ? (line, column) : (lines.Length, lines[^1].Length + 1);
    }

    private static (int Line, int Column) LastReadablePosition(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var end = new Mark();
        try
        {
            while (scanner.MoveNext())
            {
                end = scanner.Current!.End;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // The position reached so far is the answer.
        }

        return ((int)end.Line, (int)end.Column);
    }
}
