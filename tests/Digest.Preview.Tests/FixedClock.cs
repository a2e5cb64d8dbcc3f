namespace Digest.Preview.Tests;

/// <summary>The same "now" for the preview and the cold builds it is compared with.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly FixedClock Instance = new();

    public override DateTimeOffset GetUtcNow() => new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
}
