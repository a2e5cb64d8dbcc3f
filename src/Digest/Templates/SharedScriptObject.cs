using Digest.Bodies;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Digest.Templates;

/// <summary>
/// A script object that many pages show (an article in a list, a term), built once per build and never changed
/// afterwards, so that its fingerprint (see <see cref="ScriptValueHasher"/>) is computed once, not once per page.
/// An article's <c>content</c> is held as an <see cref="ArticleContent"/> and read back only when a template uses it.
/// </summary>
internal sealed class SharedScriptObject : ScriptObject
{
    /// <summary>The boxed fingerprint once computed; a reference, so that threads publish it atomically.</summary>
    internal object? Fingerprint { get; set; }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        var found = base.TryGetValue(context, span, member, out value);
        if (value is ArticleContent content)
        {
            value = content.Html;
        }

        return found;
    }
}
