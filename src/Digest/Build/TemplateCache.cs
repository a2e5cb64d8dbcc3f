using Digest.Caching;
using Digest.Diagnostics;
using Digest.Templates;

namespace Digest.Build;

/// <summary>A session's parsed theme: parsed again only when a theme file changed (a preview mostly edits articles).</summary>
internal sealed class TemplateCache
{
    private (UInt128 Key, TemplateLibrary Library, IReadOnlyList<Diagnostic> Diagnostics)? _last;

    public LoadedTemplates Load(Theme theme, DiagnosticBag diagnostics)
    {
        var fingerprint = new Fingerprint().AddHash(BuildCacheFile.ToolKey);
        foreach (var name in theme.FileNames)
        {
            fingerprint.Add(name).Add(theme.DisplayPath(name)).Add(theme.ReadBytes(name));
        }

        var key = fingerprint.Value;
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
