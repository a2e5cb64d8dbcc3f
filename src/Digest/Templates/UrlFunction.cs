using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Digest.Templates;

/// <summary>
/// A one-argument string function for templates (<c>url</c>, <c>abs_url</c>), called directly: Scriban's
/// <c>Import(name, Delegate)</c> goes through <c>Delegate.DynamicInvoke</c>, which cost a sixth of all rendering.
/// </summary>
internal sealed class UrlFunction(Func<string?, string> function) : IScriptCustomFunction
{
    private static readonly ScriptParameterInfo PathParameter = new(typeof(string), "path");

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => PathParameter;

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        function(arguments[0] is null ? null : context.ObjectToString(arguments[0]));

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
