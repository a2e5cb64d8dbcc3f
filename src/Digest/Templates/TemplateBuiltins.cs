using Digest.Localization;
using Digest.SiteModel;
using Scriban.Runtime;

namespace Digest.Templates;

/// <summary>The names every template sees besides a page's own values (<c>page</c>, <c>site</c> of its edition...): Digest's functions.</summary>
internal static class TemplateBuiltins
{
    public static ScriptObject Create(Translations translations, UrlFunctions urls)
    {
        var builtins = new ScriptObject { ["t"] = new TranslateFunction(translations) };
        builtins["url"] = new UrlFunction(urls.Url);
        builtins["abs_url"] = new UrlFunction(urls.AbsUrl);
        builtins["include_cached"] = new CachedInclude();
        return builtins;
    }
}
