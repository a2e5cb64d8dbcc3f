using System.Diagnostics;

namespace Digest.Build;

/// <summary>Where a build's time went: per stage, how many items and how many milliseconds.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, int Count, TimeSpan Elapsed)> _stages = [];

    public IReadOnlyList<(string Stage, int Count, TimeSpan Elapsed)> Stages => _stages;

    public T Measure<T>(string stage, Func<T> work, Func<T, int> count)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        _stages.Add((stage, count(result), watch.Elapsed));
        return result;
    }

    public void Add(string stage, int count, TimeSpan elapsed) => _stages.Add((stage, count, elapsed));

    public TimeSpan Total => _stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);
}
