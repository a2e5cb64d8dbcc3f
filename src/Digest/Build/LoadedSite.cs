using Digest.Diagnostics;
using Digest.Search;
using Digest.SiteModel;
using Digest.Templates;
using Digest.Writing;

namespace Digest.Build;

/// <summary>What <see cref="SiteBuilder"/> has before the first page is rendered.</summary>
/// <param name="Site">Null when nothing changed since the last build.</param>
/// <param name="Patch">How <paramref name="Site"/> differs from the last build's model, when made from it.</param>
/// <param name="Templates">Null when nothing changed: the theme is not parsed then.</param>
/// <param name="DiagnosticsBeforeSite">What was reported before the model was built: a build that reports nothing more records its key.</param>
/// <param name="InputDiagnostics">What reading the input files reported.</param>
/// <param name="Output">Null when the build must not write there (reported).</param>
/// <param name="Now">The time the build decided which articles to show by: what is recent is recent as of then.</param>
/// <param name="Search">The Pagefind that indexes the site; null when search is off or none is installed.</param>
internal sealed record LoadedSite(Site? Site, ModelPatch? Patch, LoadedTemplates? Templates, OutputFolder? Output, IReadOnlyList<string> StaticFiles, UInt128 SiteKey,
    DateTimeOffset SiteKeyFrom, DateTimeOffset SiteKeyExpires, IReadOnlyList<Diagnostic> DiagnosticsBeforeSite,
    IReadOnlyList<Diagnostic> InputDiagnostics, DateTimeOffset Now, Pagefind? Search);
