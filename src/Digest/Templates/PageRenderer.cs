using Digest.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Templates;

/// <summary>
/// Renders pages through a layout and then <c>layouts/base.html</c>. Templates are shared; each worker thread
/// owns one <see cref="TemplateContext"/> (see <see cref="CreateContext"/>), reused for all of its pages.
/// </summary>
public sealed class PageRenderer(TemplateLibrary library, ScriptObject siteGlobals, bool strictVariables)
{
    public const string BaseLayout = "base";

    public bool StrictVariables => strictVariables;

    // Deliberate limits: Scriban's defaults (1 MiB of output, 1000 loop iterations) would truncate a big
    // page or fail a list of more than 1000 items. These only stop a runaway theme.
    private const int OutputLimit = 256 * 1024 * 1024;
    private const int LoopLimit = 10_000_000;

    public TemplateContext CreateContext()
    {
        var context = new TemplateContext
        {
            StrictVariables = strictVariables,
            LoopLimit = LoopLimit,
            LimitToString = OutputLimit,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            TemplateLoader = new IncludeLoader(library),
            EnableRelaxedMemberAccess = true,
            // Scriban would re-indent every line an indented include or expression writes: scanning all output for
            // line breaks cost about a twentieth of a build, for whitespace no browser shows.
            AutoIndent = false,
        };
        foreach (var (path, template) in library.ByDisplayPath)
        {
            context.CachedTemplates[path] = template;
        }

        context.PushGlobal(siteGlobals);
        return context;
    }

    /// <summary>The whole HTML document, or null after reporting a template error.</summary>
    /// <param name="pageSource">What is being rendered, for error messages: an article's path or a page URL.</param>
    public string? Render(TemplateContext context, string layout, ScriptObject pageGlobals, string pageSource, DiagnosticBag diagnostics)
    {
        context.PushGlobal(pageGlobals);
        try
        {
            var body = RenderTemplate(context, library.Layout(layout));
            pageGlobals["content"] = body;
            return RenderTemplate(context, library.Layout(BaseLayout));
        }
        catch (ScriptRuntimeException ex)
        {
            diagnostics.Error(SpanPath(ex.Span), ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, DiagnosticCodes.TemplateRuntime,
                $"{ex.OriginalMessage.TrimEnd('.')} while rendering {pageSource}. Fix the template, or the value it uses.");
            return null;
        }
        finally
        {
            context.PopGlobal();
        }
    }

    /// <summary>Scriban renders into its own output per top-level call and returns it; the output limit resets each time.</summary>
    private static string RenderTemplate(TemplateContext context, Template template) => template.Render(context);

    private static string SpanPath(Scriban.Parsing.SourceSpan span) => string.IsNullOrEmpty(span.FileName) ? "theme" : span.FileName;
}
