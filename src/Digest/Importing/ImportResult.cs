using Digest.Diagnostics;

namespace Digest.Importing;

/// <summary>One article an import wrote (or, with <c>--dry-run</c>, would write).</summary>
/// <param name="Path">Site-relative, with '/': <c>input/articles/2021/11/17/slug.md</c>.</param>
/// <param name="Replaced">Whether it replaced the file of the same story (<c>--update</c>).</param>
public sealed record ImportedArticle(string Path, string Text, string Origin, bool Replaced);

/// <summary>What an import did: the articles, the stories skipped as duplicates, the files or items that failed.</summary>
public sealed record ImportResult(IReadOnlyList<ImportedArticle> Articles, int Skipped, int Failed, IReadOnlyList<Diagnostic> Diagnostics);
