namespace Digest.Publishing;

/// <summary>The <c>git</c> command could not be started at all.</summary>
public sealed class GitMissingException(string message, Exception inner) : Exception(message, inner);
