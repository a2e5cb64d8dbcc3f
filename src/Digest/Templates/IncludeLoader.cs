using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Templates;

/// <summary>Resolves <c>include "partials/x.html"</c> to the theme's already-parsed template; nothing outside the theme.</summary>
internal sealed class IncludeLoader(TemplateLibrary library) : ITemplateLoader
{
    public string? GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        library.Find(templateName.TrimStart('/')) is { } template
            ? template.SourceFilePath
            : throw new ScriptRuntimeException(callerSpan, $"the theme has no {templateName}");

    // Never reached for known templates: their parsed form is placed in each context's include cache.
    public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => null;

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult(Load(context, callerSpan, templatePath));
}
