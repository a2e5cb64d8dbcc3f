namespace Digest.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
