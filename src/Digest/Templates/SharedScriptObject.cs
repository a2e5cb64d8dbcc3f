using Scriban.Runtime;

namespace Digest.Templates;

/// <summary>
/// A script object that many pages show (an article in a list, a term), built once per build and never changed
/// afterwards, so that its fingerprint (see <c>Caching.ScriptValueHasher</c>) is computed once, not once per page.
/// </summary>
internal sealed class SharedScriptObject : ScriptObject
{
    /// <summary>The boxed fingerprint once computed; a reference, so that threads publish it atomically.</summary>
    internal object? Fingerprint { get; set; }
}
