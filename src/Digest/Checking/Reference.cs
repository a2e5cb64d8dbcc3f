namespace Digest.Checking;

/// <summary>A URL as written in an output file, with where it was written.</summary>
public readonly record struct Reference(string Url, ReferenceKind Kind, int Line, int Column);
