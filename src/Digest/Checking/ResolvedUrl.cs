namespace Digest.Checking;

/// <summary>Where a URL written in an output file leads.</summary>
/// <param name="Path">The site-relative path it asks for ("tags/rail/"), when it stays inside the site.</param>
/// <param name="Fragment">The decoded part after '#', or "".</param>
/// <param name="Outcome">Whether it is external, inside the site, or a root-relative path that leaves the base path.</param>
public readonly record struct ResolvedUrl(UrlOutcome Outcome, string Path, string Fragment);
