namespace Digest.Testing;

/// <summary>A clock that always says the same time, so "future" articles and golden output never depend on the day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>After every article in the sample and the fixtures.</summary>
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
