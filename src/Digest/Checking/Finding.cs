namespace Digest.Checking;

/// <summary>A problem found while scanning one file, before it is turned into a diagnostic.</summary>
public readonly record struct Finding(string Code, int Line, int Column, string Message);
