using Digest.Diagnostics;
using Digest.SiteModel;
using Digest.Templates;

namespace Digest.Build;

/// <summary>Before any page renders: every layout an article names, and every layout the build itself uses, exists.</summary>
internal static class LayoutCheck
{
    public static void Report(Site site, TemplateLibrary templates, DiagnosticBag diagnostics)
    {
        foreach (var article in site.Articles.Concat(site.Pages))
        {
            if (article.Source.Layout is { } layout && !templates.HasLayout(layout))
            {
                diagnostics.Error(article.Source.SourcePath, article.Source.LayoutLine, 1, DiagnosticCodes.UnknownLayout,
                    $"the layout '{layout}' does not exist. Use one of the theme's layouts, or add {SiteLayout.ThemeFolder}/{TemplateLibrary.LayoutName(layout)}.");
            }
        }

        foreach (var layout in new[] { PageRenderer.BaseLayout, "home", "article", "page", "tag", "category", "tags", "categories", "day", "month", "year", "404" })
        {
            if (!templates.HasLayout(layout))
            {
                diagnostics.Error(SiteLayout.ThemeFolder + "/" + TemplateLibrary.LayoutName(layout), 0, 0, DiagnosticCodes.MissingTemplate,
                    "the theme has no such layout. Restore the file, or copy it from the built-in theme.");
            }
        }
    }
}
