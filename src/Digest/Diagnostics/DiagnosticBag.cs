using System.Collections.Concurrent;

namespace Digest.Diagnostics;

/// <summary>Collects diagnostics from parallel stages; reports them in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> _items = [];

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Error(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, Severity.Error, code, message));

    public void Warning(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, Severity.Warning, code, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// Sorted by path, position and code so that output is the same run after run. A problem in a shared file
    /// (a <c>_directory.yml</c> value read by every article below it) is reported once, and so is a template error
    /// that stops many pages: the first page is named and the others counted.
    /// </summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _items.Distinct()
            .GroupBy(d => (d.Path, d.Line, d.Column, Kind: d.Code == DiagnosticCodes.TemplateRuntime ? d.Code : $"{d.Severity}|{d.Code}|{d.Message}"))
            .Select(Collapse)
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];

    private static Diagnostic Collapse(IEnumerable<Diagnostic> same)
    {
        var ordered = same.OrderBy(d => d.Message, StringComparer.Ordinal).ToList();
        var more = ordered.Count - 1;
        return more == 0
            ? ordered[0]
            : ordered[0] with { Message = ordered[0].Message + (more == 1 ? " The same error stopped 1 more page." : $" The same error stopped {more} more pages.") };
    }
}
