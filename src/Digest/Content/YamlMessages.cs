using YamlDotNet.Core;

namespace Digest.Content;

internal static class YamlMessages
{
    /// <summary>YamlDotNet's message without its own "(Line: …)" position, which Digest reports itself.</summary>
    public static string Describe(YamlException ex)
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
}
