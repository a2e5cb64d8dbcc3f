using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digest.Scaffolding;

/// <summary>
/// The site's .NET local tool manifest, <c>.config/dotnet-tools.json</c>: it pins the version of digest that
/// <c>dotnet tool restore</c> installs, on the user's machine and in the GitHub Pages workflow alike.
/// </summary>
public static class ToolManifest
{
    public const string Path = ".config/dotnet-tools.json";

    /// <summary>The tool's NuGet package id as the manifest names it (package ids ignore case).</summary>
    public const string PackageId = "digest.tool";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Versions and paths as they are: no \u002B for the '+' of a build suffix.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A new manifest holding only digest, at <paramref name="version"/>, as <c>dotnet new tool-manifest</c> and <c>dotnet tool install</c> write it.</summary>
    public static string Create(string version) => Write(new JsonObject
    {
        ["version"] = 1,
        ["isRoot"] = true,
        ["tools"] = new JsonObject { [PackageId] = Entry(version) },
    });

    /// <summary>
    /// Adds digest at <paramref name="version"/> to an existing manifest, keeping its other tools. Returns the new text,
    /// or null with the version already pinned when digest is in it; throws <see cref="JsonException"/> when the
    /// text is not a manifest (not JSON, or no object where the format has one).
    /// </summary>
    public static (string? Content, string? PinnedVersion) Add(string existing, string version)
    {
        var root = JsonNode.Parse(existing, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            as JsonObject ?? throw new JsonException("the file does not hold a JSON object");
        var tools = root["tools"] switch
        {
            null => null,
            JsonObject found => found,
            _ => throw new JsonException("\"tools\" is not an object"),
        };
        var pinned = tools?.FirstOrDefault(t => string.Equals(t.Key, PackageId, StringComparison.OrdinalIgnoreCase));
        if (pinned?.Key is not null)
        {
            return (null, (pinned.Value.Value as JsonObject)?["version"]?.ToString() ?? "no version");
        }

        if (tools is null)
        {
            tools = [];
            root["tools"] = tools;
        }

        tools[PackageId] = Entry(version);
        return (Write(root), null);
    }

    private static JsonObject Entry(string version) => new()
    {
        ["version"] = version,
        ["commands"] = new JsonArray("digest"),
        ["rollForward"] = false,
    };

    private static string Write(JsonNode manifest) => manifest.ToJsonString(WriteOptions) + "\n";
}
