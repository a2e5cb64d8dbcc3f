using Digest.Diagnostics;
using Digest.Hashing;

namespace Digest.Templates;

/// <summary>A session's parsed theme: parsed again only when a theme file changed (a preview mostly edits articles).</summary>
internal sealed class TemplateCache
{
    private (UInt128 Key, TemplateLibrary Library, IReadOnlyList<Diagnostic> Diagnostics)? _last;

    /// <summary>
    /// A hash of every theme file and the tool: what decides what parsing the theme gives. A build that finds nothing
    /// changed needs only this; parsing the theme was most of such a build's own time on a small site.
    /// </summary>
    public static UInt128 KeyOf(Theme theme)
    {
        var fingerprint = new Fingerprint().AddHash(DigestVersion.BuildKey);
        foreach (var name in theme.FileNames)
        {
            fingerprint.Add(name).Add(theme.DisplayPath(name)).Add(theme.ReadBytes(name));
        }

        return fingerprint.Value;
    }

    /// <param name="key">The theme's <see cref="KeyOf"/>.</param>
    public LoadedTemplates Load(Theme theme, UInt128 key, DiagnosticBag diagnostics)
    {
        if (_last is not { } last || last.Key != key)
        {
            var own = new DiagnosticBag();
            last = (key, TemplateLibrary.Load(theme, own), own.ToSortedList());
            _last = last;
        }

        foreach (var diagnostic in last.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return new LoadedTemplates(last.Library, key);
    }
}
