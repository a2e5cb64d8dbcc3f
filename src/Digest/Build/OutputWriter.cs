using System.Collections.Concurrent;
using Digest.Caching;

namespace Digest.Build;

/// <summary>
/// Writes a build's files into a staging folder beside the output and moves them into place only on
/// <see cref="Commit"/>: a failed build leaves the previous output exactly as it was. A file whose bytes did not
/// change is not written at all, so it keeps its timestamp. Given what the previous build left in the same folder
/// (<see cref="OutputRecord"/>s), it knows unchanged files by their hash without reading them, and keeps pages
/// that need no render.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly bool _outputExists;
    private readonly IReadOnlyDictionary<string, OutputRecord> _previous;
    private readonly bool _previousTrusted;
    private readonly ConcurrentDictionary<string, Produced> _produced;
    private readonly ConcurrentDictionary<string, byte> _createdFolders = new(StringComparer.Ordinal);
    private readonly List<string> _changed = [];

    public OutputWriter(string outputDirectory)
        : this(outputDirectory, null)
    {
    }

    /// <param name="previous">The files the last build left in this output folder; null when unknown.</param>
    /// <param name="previousTrusted">Nothing else writes to the folder: its files are as <paramref name="previous"/> says.</param>
    internal OutputWriter(string outputDirectory, IReadOnlyDictionary<string, OutputRecord>? previous, bool previousTrusted = false)
    {
        _previousTrusted = previousTrusted;
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _staging = Path.Combine(Path.GetDirectoryName(_output)!, "." + Path.GetFileName(_output) + ".digest-staging");
        _outputExists = Directory.Exists(_output);
        _previous = _outputExists && previous is not null ? previous : new Dictionary<string, OutputRecord>();
        PreviousKnown = _outputExists && previous is not null;
        _produced = new(Environment.ProcessorCount, _previous.Count, StringComparer.Ordinal);
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
    }

    public int Written => _produced.Values.Count(p => p.Changed);
    public int Unchanged => _produced.Values.Count(p => !p.Changed);

    /// <summary>After <see cref="Commit"/>: the files written or deleted, sorted.</summary>
    public IReadOnlyList<string> ChangedFiles => _changed;

    private bool PreviousKnown { get; }

    /// <summary>Writes one file of the build, given by its '/'-separated path relative to the output.</summary>
    /// <param name="fingerprint">For pages, what their templates saw (see <see cref="TryKeep"/>); zero for other files.</param>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes) => Write(relativePath, bytes, UInt128.Zero);

    internal void Write(string relativePath, ReadOnlySpan<byte> bytes, UInt128 fingerprint)
    {
        var hash = Fingerprint.Of(bytes);
        if (_previous.TryGetValue(relativePath, out var known) && known.ContentHash == hash && Intact(relativePath, known))
        {
            _produced[relativePath] = new Produced(false, known with { Fingerprint = fingerprint });
            return;
        }

        if (_outputExists && !PreviousKnown && SameBytes(Path.Combine(_output, relativePath), bytes))
        {
            _produced[relativePath] = new Produced(false, new OutputRecord(0, 0, hash, fingerprint), StatAfterCommit: true);
            return;
        }

        var target = Path.Combine(_staging, relativePath);
        EnsureFolder(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        _produced[relativePath] = new Produced(true, new OutputRecord(0, 0, hash, fingerprint), StatAfterCommit: true);
    }

    /// <summary>
    /// Keeps a page of the last build without rendering it, when its templates saw exactly the same values
    /// (<paramref name="fingerprint"/>) and the file is still as the last build wrote it.
    /// </summary>
    internal bool TryKeep(string relativePath, UInt128 fingerprint) =>
        _previous.TryGetValue(relativePath, out var known) && known.Fingerprint == fingerprint && TryKeep(relativePath);

    /// <summary>Keeps a file of the last build as it is, when it is still as the last build wrote it.</summary>
    internal bool TryKeep(string relativePath)
    {
        if (_previous.TryGetValue(relativePath, out var known) && Intact(relativePath, known))
        {
            _produced[relativePath] = new Produced(false, known);
            return true;
        }

        return false;
    }

    /// <summary>Moves the staged files into the output and removes files this build no longer produces.</summary>
    public void Commit()
    {
        if (!_outputExists)
        {
            Directory.Move(_staging, _output);
            _changed.AddRange(_produced.Keys);
        }
        else
        {
            foreach (var (path, produced) in _produced)
            {
                if (produced.Changed)
                {
                    var target = Path.Combine(_output, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(Path.Combine(_staging, path), target, overwrite: true);
                    _changed.Add(path);
                }
            }

            if (PreviousKnown)
            {
                RemoveNoLongerProduced();
            }
            else
            {
                RemoveStale(_output);
            }

            Directory.Delete(_staging, recursive: true);
        }

        _changed.Sort(StringComparer.Ordinal);
    }

    /// <summary>After <see cref="Commit"/>: every file of the output as this build leaves it, for the next build.</summary>
    internal Dictionary<string, OutputRecord> Records()
    {
        var records = new Dictionary<string, OutputRecord>(_produced.Count, StringComparer.Ordinal);
        var written = new List<(string Path, OutputRecord Record)>();
        foreach (var (path, produced) in _produced)
        {
            if (produced.StatAfterCommit)
            {
                written.Add((path, produced.Record));
            }
            else
            {
                records[path] = produced.Record;
            }
        }

        var stated = new OutputRecord[written.Count];
        Parallel.For(0, written.Count, i =>
        {
            var info = new FileInfo(Path.Combine(_output, written[i].Path));
            stated[i] = written[i].Record with { Length = info.Length, WriteTicks = info.LastWriteTimeUtc.Ticks };
        });
        for (var i = 0; i < written.Count; i++)
        {
            records[written[i].Path] = stated[i];
        }

        return records;
    }

    public void Dispose()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    private bool Intact(string relativePath, OutputRecord known) => _previousTrusted || Intact(_output, relativePath, known);

    private static bool Intact(string output, string relativePath, OutputRecord known)
    {
        var info = new FileInfo(Path.Combine(output, relativePath));
        return info.Exists && info.Length == known.Length && info.LastWriteTimeUtc.Ticks == known.WriteTicks;
    }

    /// <summary>True when every file the last build wrote into <paramref name="output"/> is still there as it left it.</summary>
    /// <param name="trusted">Nothing else writes to the folder: only that the records describe it is checked.</param>
    internal static bool AllIntact(string output, string recordedOutput, IReadOnlyDictionary<string, OutputRecord> records, bool trusted)
    {
        if (output != recordedOutput || records.Count == 0)
        {
            return false;
        }

        if (trusted)
        {
            return true;
        }

        var intact = true;
        Parallel.ForEach(records, (record, loop) =>
        {
            if (!Intact(output, record.Key, record.Value))
            {
                intact = false;
                loop.Stop();
            }
        });
        return intact;
    }

    /// <summary>Deletes what the last build wrote and this one did not, and folders left empty by that.</summary>
    private void RemoveNoLongerProduced()
    {
        foreach (var path in _previous.Keys.Where(p => !_produced.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(_output, path);
            if (File.Exists(file))
            {
                File.Delete(file);
                _changed.Add(path);
            }

            for (var folder = Path.GetDirectoryName(file)!; folder.Length > _output.Length; folder = Path.GetDirectoryName(folder)!)
            {
                if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    break;
                }

                Directory.Delete(folder);
            }
        }
    }

    private void RemoveStale(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var path = Relative(file);
            if (!_produced.ContainsKey(path))
            {
                File.Delete(file);
                _changed.Add(path);
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            RemoveStale(child);
            if (!Directory.EnumerateFileSystemEntries(child).Any())
            {
                Directory.Delete(child);
            }
        }
    }

    private string Relative(string path) => Path.GetRelativePath(_output, path).Replace('\\', '/');

    /// <summary>Creates each folder once; a value is only added after its folder exists, so no thread writes into a folder still being made.</summary>
    private void EnsureFolder(string folder) => _createdFolders.GetOrAdd(folder, static f =>
    {
        Directory.CreateDirectory(f);
        return 0;
    });

    private static bool SameBytes(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (file.Length != bytes.Length)
            {
                return false;
            }

            var existing = new byte[bytes.Length];
            file.ReadExactly(existing);
            return bytes.SequenceEqual(existing);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <param name="StatAfterCommit">The record's size and time are read from the file once it is in place.</param>
    private sealed record Produced(bool Changed, OutputRecord Record, bool StatAfterCommit = false);
}
