using System.Globalization;
using Digest.Files;
using YamlDotNet.RepresentationModel;

namespace Digest.Yaml;

/// <summary>Turns YAML nodes into plain values (string, bool, long, double, lists, maps) for templates.</summary>
internal static class YamlValues
{
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Where(c => !IsNull(c)).Select(ToValue).ToList(),
        YamlMappingNode mapping => ToDictionary(mapping),
        _ => null,
    };

    public static Dictionary<string, object?> ToDictionary(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                result[name] = ToValue(value);
            }
        }

        return result;
    }

    /// <summary>A plain <c>~</c>, <c>null</c> (any case YAML allows) or empty value: YAML's null, read as no value at all.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value is null ? null : SourceText.WithoutControlCharacters(scalar.Value);
        if (text is null || scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return text;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" => true,
            "false" => false,
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => text,
        };
    }
}
