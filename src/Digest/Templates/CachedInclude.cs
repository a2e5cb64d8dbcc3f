using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Templates;

/// <summary>
/// <c>include_cached "partials/card.html" item.url</c>: Scriban's <c>include</c>, rendered once per build for each
/// name and keys and then reused, like Hugo's <c>partialCached</c>. An article's card appears on the home pages and
/// on every page of its tags and categories; rendering it once instead saved a third of the render stage. Only for
/// partials whose output depends on nothing but what the keys name (see docs/theming.md).
/// </summary>
internal sealed class CachedInclude : IScriptCustomFunction
{
    /// <summary>
    /// What the cache may hold in all (16 MB), so that a site of any size keeps a bounded amount of HTML in memory:
    /// the cards of 10,000 articles fit; at 100,000 the first ones cached are the newest, shown most often.
    /// </summary>
    private const long CharacterBudget = 8L * 1024 * 1024;

    private static readonly ScriptParameterInfo NameParameter = new(typeof(string), "name");
    private static readonly ScriptParameterInfo KeyParameter = new(typeof(object), "keys");

    private readonly ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);
    private long _characters;

    public int RequiredParameterCount => 2;

    public int ParameterCount => 2;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.LastParameter;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? NameParameter : KeyParameter;

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var key = string.Join('\u001f', arguments.Select(argument => context.ObjectToString(argument)));
        if (_rendered.TryGetValue(key, out var known))
        {
            return known;
        }

        var include = (IScriptCustomFunction)context.BuiltinObject["include"]!;
        var html = context.ObjectToString(include.Invoke(context, callerContext, arguments, blockStatement)) ?? "";
        if (Interlocked.Add(ref _characters, html.Length) <= CharacterBudget)
        {
            _rendered.TryAdd(key, html);
        }

        return html;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
