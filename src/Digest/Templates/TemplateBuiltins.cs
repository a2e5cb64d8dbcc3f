using Digest.SiteModel;
using Scriban.Runtime;

namespace Digest.Templates;

/// <summary>The names every template sees besides a page's own values: the site and Digest's functions.</summary>
internal static class TemplateBuiltins
{
    public static ScriptObject Create(TemplateModel model, UrlFunctions urls)
    {
        var builtins = new ScriptObject { ["site"] = model.SiteObject };
        builtins["url"] = new UrlFunction(urls.Url);
        builtins["abs_url"] = new UrlFunction(urls.AbsUrl);
        builtins["include_cached"] = new CachedInclude();
        return builtins;
    }
}
