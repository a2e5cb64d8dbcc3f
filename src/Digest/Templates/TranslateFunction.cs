using System.Globalization;
using Digest.Localization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Templates;

/// <summary>
/// <c>t "key"</c>, <c>t "key" count</c>, <c>t "key" {name: value}</c> and <c>t "key" count {name: value}</c>: the
/// interface text of the page's language (<c>page.lang</c>), in the plural form the count needs, with each
/// <c>{name}</c> filled in. The result is plain text: escape it with <c>html.escape</c> as any other value.
/// </summary>
internal sealed class TranslateFunction(Translations translations) : IScriptCustomFunction
{
    private static readonly ScriptParameterInfo KeyParameter = new(typeof(string), "key");
    private static readonly ScriptParameterInfo CountOrValuesParameter = new(typeof(object), "count_or_values");
    private static readonly ScriptVariableGlobal PageVariable = new("page");

    public int RequiredParameterCount => 1;

    public int ParameterCount => 3;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? KeyParameter : CountOrValuesParameter;

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var key = context.ObjectToString(arguments[0]) ?? "";
        long? count = null;
        Dictionary<string, string>? values = null;
        foreach (var argument in arguments.Skip(1))
        {
            switch (argument)
            {
                case null:
                    break;
                case int or long or short or byte or double or float or decimal:
                    count = Convert.ToInt64(argument, CultureInfo.InvariantCulture);
                    break;
                case ScriptObject map:
                    values = map.ToDictionary(p => p.Key, p => context.ObjectToString(p.Value) ?? "", StringComparer.Ordinal);
                    break;
                default:
                    throw new ScriptRuntimeException(callerContext?.Span ?? default,
                        $"t takes a key, then a count, a map of values, or both; got {context.ObjectToString(argument)}");
            }
        }

        var strings = translations.For(PageLanguage(context));
        return (count is { } n ? strings.Plural(key, n, values) : strings.Text(key, values))
            ?? throw new ScriptRuntimeException(callerContext?.Span ?? default,
                $"there is no interface string '{key}' in i18n/{strings.Language}.yml or i18n/{Translations.FallbackLanguage}.yml. Add it to theme/i18n/{Translations.FallbackLanguage}.yml");
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    private static string PageLanguage(TemplateContext context) =>
        context.GetValue(PageVariable) is ScriptObject page && page["lang"] is string { Length: > 0 } lang ? lang : Translations.FallbackLanguage;
}
