using System.Diagnostics;

namespace Digest.Build;

/// <summary>Where a build's time went: per stage, how many items and how many milliseconds.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, int Count, TimeSpan Elapsed)> _stages = [];
    private readonly int _collectionsBefore = GC.CollectionCount(0);
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();

    public IReadOnlyList<(string Stage, int Count, TimeSpan Elapsed)> Stages => _stages;

    public T Measure<T>(string stage, Func<T> work, Func<T, int> count)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        _stages.Add((stage, count(result), watch.Elapsed));
        return result;
    }

    public void Add(string stage, int count, TimeSpan elapsed) => _stages.Add((stage, count, elapsed));

    /// <summary>
    /// The garbage collections since the build began and how long they paused it, within the stages' times; of the
    /// whole process, so they include what runs beside the build.
    /// </summary>
    public (int Count, TimeSpan Paused) Collections => (GC.CollectionCount(0) - _collectionsBefore, GC.GetTotalPauseDuration() - _pausedBefore);

    public TimeSpan Total => _stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);
}
