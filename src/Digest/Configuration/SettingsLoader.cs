using System.Globalization;
using Digest.Diagnostics;
using Digest.Files;
using Digest.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Digest.Configuration;

/// <summary>Reads <c>digest.yml</c> and <c>--set</c> overrides into <see cref="SiteSettings"/>.</summary>
public static class SettingsLoader
{

    /// <summary>Where <c>--set</c> and <c>--base-url</c> values come from: their problems are usage errors.</summary>
    private const string CommandLine = "--set";

    private static readonly string[] KnownKeys =
    [
        "title", "description", "base_url", "language", "time_zone", "page_size", "permalink", "author",
        "copyright", "feed_size", "related_count", "allow_html", "archives", "term_feeds", "custom_domain", "params",
        "follow_links_outside", "keep", "search",
    ];

    /// <summary>Loads settings; a missing file gives the defaults. Problems go to <paramref name="diagnostics"/>.</summary>
    public static SiteSettings Load(string siteDirectory, IReadOnlyList<KeyValuePair<string, string>> overrides, DiagnosticBag diagnostics)
    {
        var values = new List<SettingValue>();
        var path = Path.Combine(siteDirectory, SiteLayout.SettingsFile);
        if (File.Exists(path))
        {
            values.AddRange(ReadFile(path, diagnostics));
        }

        values.AddRange(overrides.Select(o => new SettingValue(o.Key, new YamlScalarNode(o.Value), CommandLine, 0, 0)));

        var settings = new SiteSettings();
        foreach (var value in values)
        {
            settings = Apply(settings, value, diagnostics);
        }

        return settings;
    }

    private static IEnumerable<SettingValue> ReadFile(string path, DiagnosticBag diagnostics)
    {
        var text = SourceText.Decode(File.ReadAllBytes(path), SiteLayout.SettingsFile, diagnostics);
        if (text is null)
        {
            return [];
        }

        var document = YamlText.Load(text, out var error);
        if (error is not null)
        {
            diagnostics.Error(SiteLayout.SettingsFile, error.Line, error.Column, DiagnosticCodes.SettingsSyntax,
                $"{error.Message}. Fix the YAML syntax of {SiteLayout.SettingsFile}.");
            return [];
        }

        if (document is null or YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (document is not YamlMappingNode root)
        {
            diagnostics.Error(SiteLayout.SettingsFile, (int)document.Start.Line, (int)document.Start.Column, DiagnosticCodes.InvalidSetting,
                $"{SiteLayout.SettingsFile} must be a map of settings (key: value). Write one setting per line, like 'title: My digest'.");
            return [];
        }

        return root.Children.Where(pair => !YamlValues.IsNull(pair.Value)).Select(pair => new SettingValue(
            ((pair.Key as YamlScalarNode)?.Value ?? "").ToLowerInvariant(), pair.Value, SiteLayout.SettingsFile,
            (int)pair.Key.Start.Line, (int)pair.Key.Start.Column));
    }

    private static SiteSettings Apply(SiteSettings settings, SettingValue value, DiagnosticBag diagnostics)
    {
        var scalar = SourceText.WithoutControlCharacters((value.Node as YamlScalarNode)?.Value?.Trim() ?? "");
        void Invalid(string what) => diagnostics.Error(value.Path, value.Line, value.Column,
            value.Path == CommandLine ? DiagnosticCodes.UsageError : DiagnosticCodes.InvalidSetting,
            $"'{value.Key}' {what}, got '{scalar}'.");

        int? PositiveInt()
        {
            if (int.TryParse(scalar, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            Invalid("must be a whole number greater than 0");
            return null;
        }

        bool? Bool()
        {
            if (scalar is "true" or "false")
            {
                return scalar == "true";
            }

            Invalid("must be true or false");
            return null;
        }

        if (value.Node is not YamlScalarNode && value.Key is not ("params" or "keep") && KnownKeys.Contains(value.Key))
        {
            diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.InvalidSetting,
                $"'{value.Key}' must be a single value, but it is {(value.Node is YamlMappingNode ? "a map" : "a list")}. Write it on one line, like '{value.Key}: value'.");
            return settings;
        }

        switch (value.Key)
        {
            case "title": return settings with { Title = scalar };
            case "description": return settings with { Description = scalar };
            case "language": return settings with { Language = scalar.Length == 0 ? "en" : scalar };
            case "author": return settings with { Author = scalar };
            case "copyright": return settings with { Copyright = scalar };
            case "custom_domain": return settings with { CustomDomain = scalar };
            case "base_url":
                if (Uri.TryCreate(scalar.EndsWith('/') ? scalar : scalar + "/", UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
                {
                    return settings with { BaseUrl = uri };
                }

                Invalid("must be an absolute http(s) URL such as https://owner.github.io/repo/");
                return settings;
            case "time_zone":
                if (TimeZoneInfo.TryFindSystemTimeZoneById(scalar, out var zone))
                {
                    return settings with { TimeZone = zone };
                }

                Invalid("must be an IANA time zone such as Europe/London or Asia/Yerevan");
                return settings;
            case "permalink":
                var problem = Permalinks.Validate(scalar);
                if (problem is null)
                {
                    return settings with { Permalink = scalar };
                }

                Invalid(problem);
                return settings;
            case "page_size": return PositiveInt() is { } pageSize ? settings with { PageSize = pageSize } : settings;
            case "feed_size": return PositiveInt() is { } feedSize ? settings with { FeedSize = feedSize } : settings;
            case "related_count": return PositiveInt() is { } related ? settings with { RelatedCount = related } : settings;
            case "allow_html": return Bool() is { } allow ? settings with { AllowHtml = allow } : settings;
            case "archives": return Bool() is { } archives ? settings with { Archives = archives } : settings;
            case "term_feeds": return Bool() is { } termFeeds ? settings with { TermFeeds = termFeeds } : settings;
            case "follow_links_outside": return Bool() is { } follow ? settings with { FollowLinksOutside = follow } : settings;
            case "search": return Bool() is { } search ? settings with { Search = search } : settings;
            case "keep":
                if (value.Node is YamlMappingNode)
                {
                    Invalid("must be a list of paths in the output folder, such as [CNAME, google1234.html, downloads/**]");
                    return settings;
                }

                var patterns = value.Node is YamlSequenceNode list
                    ? list.Children.OfType<YamlScalarNode>().Select(n => n.Value?.Trim() ?? "").ToList()
                    : [.. scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                return settings with { Keep = [.. patterns.Where(p => p.Length > 0)] };
            case "params":
                if (value.Node is YamlMappingNode map)
                {
                    return settings with { Params = YamlValues.ToDictionary(map) };
                }

                Invalid("must be a map of theme options");
                return settings;
            default:
                var suggestion = Spelling.Closest(value.Key, KnownKeys);
                diagnostics.Warning(value.Path, value.Line, value.Column, DiagnosticCodes.UnknownSetting,
                    $"unknown setting '{value.Key}'." + (suggestion is null
                        ? $" Known settings: {string.Join(", ", KnownKeys)}."
                        : $" Did you mean '{suggestion}'?"));
                return settings;
        }
    }

    private sealed record SettingValue(string Key, YamlNode Node, string Path, int Line, int Column);
}
