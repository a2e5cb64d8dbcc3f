using System.Collections.Concurrent;
using Digest.Diagnostics;

namespace Digest.Build;

/// <summary>
/// Which source each output path was given to: two sources that would write one path (a page and a static file, say)
/// are an error naming both, whichever comes first. Claims come from every render worker at once.
/// </summary>
internal sealed class OutputClaims(int expectedCount, DiagnosticBag diagnostics)
{
    private readonly ConcurrentDictionary<string, string> _owners = new(Environment.ProcessorCount, expectedCount, StringComparer.Ordinal);

    /// <returns>Whether <paramref name="owner"/> may write <paramref name="path"/>: false (reported) when another source has it.</returns>
    public bool Claim(string path, string owner)
    {
        var first = _owners.GetOrAdd(path, owner);
        if (first != owner)
        {
            diagnostics.Error(owner, 0, 0, DiagnosticCodes.DuplicateUrl,
                $"{owner} and {first} would both be written to /{path}. Rename or move one of them.");
            return false;
        }

        return true;
    }
}
