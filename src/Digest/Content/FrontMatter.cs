using Digest.Diagnostics;
using Digest.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Digest.Content;

/// <summary>A YAML value and its key, with the file and line offset needed to report either at its true position.</summary>
internal sealed record FrontMatterValue(YamlNode Node, string Path, int LineOffset, YamlNode Key)
{
    public int Line => (int)Node.Start.Line + LineOffset;
    public int Column => (int)Node.Start.Column;
    public int KeyLine => (int)Key.Start.Line + LineOffset;
    public int KeyColumn => (int)Key.Start.Column;

    /// <summary>The line of <paramref name="node"/>, a part of this value (an entry of a list).</summary>
    public int LineOf(YamlNode node) => (int)node.Start.Line + LineOffset;
}

/// <summary>Splits a Markdown file into front matter (YAML between '---' lines) and body.</summary>
internal sealed record FrontMatter(IReadOnlyDictionary<string, FrontMatterValue> Values, string Body, int BodyLine)
{
    public static FrontMatter? Parse(string text, string path, DiagnosticBag diagnostics)
    {
        if (text.Length == 0 || text.AsSpan().Trim().IsEmpty)
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.EmptyFile,
                "the file is empty. Add front matter with a title and a date, or delete the file.");
            return null;
        }

        var firstLineEnd = text.IndexOf('\n');
        var firstLine = firstLineEnd < 0 ? text : text.AsSpan(0, firstLineEnd);
        if (firstLine.TrimEnd() is not "---")
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.MissingFrontMatter,
                "the file does not start with front matter. Begin it with a '---' line, then 'title:' and 'date:', then a closing '---' line.");
            return null;
        }

        // Find the closing '---' (or YAML's '...') line.
        var lineNumber = 1;
        var position = firstLineEnd + 1;
        while (firstLineEnd >= 0 && position <= text.Length)
        {
            lineNumber++;
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text.AsSpan(position) : text.AsSpan(position, end - position);
            if (line.TrimEnd() is "---" or "...")
            {
                var yaml = text[(firstLineEnd + 1)..position];
                var body = end < 0 ? "" : text[(end + 1)..];
                var values = ParseYaml(yaml, path, diagnostics);
                return values is null ? null : new FrontMatter(values, body, lineNumber + 1);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
        }

        diagnostics.Error(path, 1, 1, DiagnosticCodes.UnclosedFrontMatter,
            "the front matter opened on line 1 is never closed. Add a '---' line after the last front matter key.");
        return null;
    }

    /// <summary>Parses a YAML map into values keyed by lower-case name; positions are shifted past the opening '---'.</summary>
    public static Dictionary<string, FrontMatterValue>? ParseYaml(string yaml, string path, DiagnosticBag diagnostics, int lineOffset = 1)
    {
        var root = YamlText.Load(yaml, out var error);
        if (error is { TooComplex: true })
        {
            diagnostics.Error(path, error.Line + lineOffset, error.Column, DiagnosticCodes.YamlTooComplex,
                $"{error.Message}. Front matter holds a few plain fields: write the values out instead of using anchors and aliases, and nest less.");
            return null;
        }

        if (error is not null)
        {
            diagnostics.Error(path, error.Line + lineOffset, error.Column, DiagnosticCodes.YamlSyntax,
                $"{error.Message}. Fix the YAML; quote values that contain ': ' or start with a special character.");
            return null;
        }

        var values = new Dictionary<string, FrontMatterValue>(StringComparer.Ordinal);
        if (root is null or YamlScalarNode { Value: null or "" })
        {
            return values;
        }

        if (root is not YamlMappingNode map)
        {
            var node = root;
            diagnostics.Error(path, (int)node.Start.Line + lineOffset, (int)node.Start.Column, DiagnosticCodes.YamlSyntax,
                "front matter must be a map of 'key: value' lines. Write each field on its own line, like 'title: My story'.");
            return null;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = ((key as YamlScalarNode)?.Value ?? "").ToLowerInvariant();
            if (YamlValues.IsNull(value))
            {
                // 'summary: ~' or 'author: null' means no value, never the word "null" on a page.
                continue;
            }

            if (!values.TryAdd(name, new FrontMatterValue(value, path, lineOffset, key)))
            {
                diagnostics.Error(path, (int)key.Start.Line + lineOffset, (int)key.Start.Column, DiagnosticCodes.YamlSyntax,
                    $"the key '{name}' appears twice (keys are case-insensitive). Keep one of them.");
                return null;
            }
        }

        return values;
    }
}
