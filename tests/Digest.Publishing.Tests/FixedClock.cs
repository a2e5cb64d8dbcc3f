namespace Digest.Publishing.Tests;

/// <summary>A clock that always says the same time, so which articles are "in the future" never depends on the day tests run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
