using System.Collections.Concurrent;
using Digest.Diagnostics;
using Digest.Hashing;

namespace Digest.Writing;

/// <summary>
/// Writes a build's files into a staging folder beside the output and, on <see cref="Commit"/>, makes that folder the
/// output in one step (swapping the two folders' names), so that a reader, or a build killed at any moment, sees the
/// previous site or the new one whole, never a mix. Files that did not change, and every file no build wrote, are
/// carried into the new folder as hard links: same bytes, same time, no copy. Only files an earlier build wrote
/// (<see cref="OutputFolder.Owned"/>) and this one does not make are left out, and a symbolic link is never followed.
/// Given what the previous build left in the same folder (<see cref="OutputRecord"/>s), it knows unchanged files by
/// their hash without reading them, and keeps pages that need no render. The preview's private folder, which no one
/// else reads, is written in place instead.
/// Longer than the project's 300 lines on purpose: writing, keeping, carrying over and the swap all hold one invariant
/// (every file of the new folder is the build's or the user's own, never one that no build owns and this one dropped),
/// which is easier to check in one type than across several.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private readonly OutputFolder _folder;
    private readonly string _output;
    private readonly string _staging;
    private readonly bool _outputExists;
    private readonly bool _inPlace;
    private readonly OutputTree _old;
    private readonly IReadOnlyDictionary<string, OutputRecord> _previous;
    private readonly ConcurrentDictionary<string, Produced> _produced;
    private readonly ConcurrentDictionary<string, byte> _createdFolders = new(StringComparer.Ordinal);
    private readonly List<string> _changed = [];
    private long _bytes;

    /// <param name="previous">The files the last build left in this output folder; null when unknown.</param>
    /// <param name="privateOutput">Nothing else reads or writes the folder: its files are as <paramref name="previous"/> says, and it is written in place.</param>
    internal OutputWriter(OutputFolder folder, IReadOnlyDictionary<string, OutputRecord>? previous, bool privateOutput = false)
    {
        _folder = folder;
        _inPlace = privateOutput;
        _output = folder.Path;
        _staging = folder.Staging;
        _outputExists = Directory.Exists(_output);
        _old = _outputExists && !_inPlace ? OutputTree.Scan(_output) : new OutputTree(new Dictionary<string, OutputEntry>(StringComparer.Ordinal));
        _previous = _outputExists && previous is not null ? previous : new Dictionary<string, OutputRecord>();
        PreviousKnown = _outputExists && previous is not null;
        _produced = new(Environment.ProcessorCount, _previous.Count, StringComparer.Ordinal);
        OutputFolder.DeleteTree(_staging);
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
        Interlocked.Add(ref _bytes, bytes.Length);
        if (_previous.TryGetValue(relativePath, out var known) && known.ContentHash == hash && Intact(relativePath, known))
        {
            _produced[relativePath] = new Produced(false, known with { Fingerprint = fingerprint });
            return;
        }

        if (_outputExists && !PreviousKnown && Owns(relativePath) && SameBytes(Path.Combine(_output, relativePath), bytes))
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
            Interlocked.Add(ref _bytes, known.Length);
            _produced[relativePath] = new Produced(false, known);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Keeps every file the last build left under <paramref name="folder"/> (a prefix ending in '/'), when each was made
    /// with <paramref name="fingerprint"/> and is as that build left it; otherwise keeps none of them.
    /// </summary>
    /// <returns>The files kept; null when there were none, or not all could be kept.</returns>
    internal IReadOnlyList<string>? TryKeepAll(string folder, UInt128 fingerprint)
    {
        var files = _previous.Where(p => p.Key.StartsWith(folder, StringComparison.Ordinal)).ToList();
        if (files.Count == 0 || files.Any(f => f.Value.Fingerprint != fingerprint || !Intact(f.Key, f.Value)))
        {
            return null;
        }

        foreach (var (path, known) in files)
        {
            Interlocked.Add(ref _bytes, known.Length);
            _produced[path] = new Produced(false, known);
        }

        return [.. files.Select(f => f.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Before <see cref="Commit"/>, a file this build made: where its bytes are (the staging folder, or the output for a
    /// file as the last build left it), and their hash.
    /// </summary>
    internal (string Location, UInt128 ContentHash) Made(string relativePath)
    {
        var produced = _produced[relativePath];
        return (Path.Combine(produced.Changed ? _staging : _output, relativePath), produced.Record.ContentHash);
    }

    /// <summary>
    /// An empty folder for work on the way to the output, inside the staging folder so that what a killed build leaves
    /// there goes with it. The caller deletes it before <see cref="Commit"/>; no file of a site starts with '.digest'.
    /// </summary>
    internal string NewScratchFolder()
    {
        var scratch = Path.Combine(_staging, ".digest-scratch");
        OutputFolder.DeleteTree(scratch);
        Directory.CreateDirectory(scratch);
        return scratch;
    }

    /// <summary>The bytes of every file the build made, written or kept.</summary>
    public long TotalBytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Makes the staged files the output, with the files to keep carried over, or reports (and changes nothing) where
    /// a file no build wrote stands where the build makes one and <see cref="OutputFolder.Force"/> is not set.
    /// </summary>
    public bool Commit(DiagnosticBag diagnostics)
    {
        if (_inPlace)
        {
            CommitInPlace();
            return true;
        }

        var producedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _produced.Keys)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!producedFolders.Add(path[..slash]))
                {
                    break;
                }
            }
        }

        var clashes = new List<(string Path, OutputEntry Kind, string Made)>();
        var carried = new List<(string Path, OutputEntry Kind)>();
        foreach (var (path, kind) in _old.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (_folder.Owned.Contains(path) && !(_folder.IsKept(path) && !_produced.ContainsKey(path)))
            {
                if (!_produced.ContainsKey(path))
                {
                    _changed.Add(path);
                }

                continue;
            }

            if (_produced.ContainsKey(path) && _folder.IsKept(path) && !_folder.Owned.Contains(path))
            {
                // Kept on purpose: the user's file stands instead of the build's.
                if (_produced.TryRemove(path, out var replaced) && replaced.Changed)
                {
                    File.Delete(Path.Combine(_staging, path));
                }

                carried.Add((path, kind));
            }
            else if (Clash(path, kind, producedFolders) is { } made)
            {
                clashes.Add((path, kind, made));
            }
            else if (!_produced.ContainsKey(path))
            {
                carried.Add((path, kind));
            }
        }

        if (clashes.Count > 0 && !_folder.Force)
        {
            foreach (var (path, kind, made) in clashes.Take(20))
            {
                diagnostics.Error(Path.Combine(_output, path), 0, 0, DiagnosticCodes.OutputClash,
                    $"this {Describe(kind)} was not written by Digest, and the build makes /{made} there. Move it away, or build with --force to let the build replace it.");
            }

            return false;
        }

        if (_outputExists && _changed.Count == 0 && _produced.Values.All(p => !p.Changed) && _folder.Owned.SetEquals(_produced.Keys))
        {
            return true;
        }

        Parallel.ForEach(_produced.Where(p => !p.Value.Changed), produced => Carry(produced.Key, OutputEntry.File));
        Parallel.ForEach(carried, entry => Carry(entry.Path, entry.Kind));
        File.WriteAllBytes(Path.Combine(_staging, OutputManifest.FileName), OutputManifest.Format(_produced.Keys));
        _changed.AddRange(_produced.Where(p => p.Value.Changed).Select(p => p.Key));
        if (!_outputExists)
        {
            Directory.Move(_staging, _output);
        }
        else if (NativeFiles.TryExchange(_staging, _output))
        {
            OutputFolder.DeleteTree(_staging);
        }
        else
        {
            // No atomic swap here: for a moment there is no output, and a build killed then puts the previous one back.
            Directory.Move(_output, _folder.Previous);
            Directory.Move(_staging, _output);
            OutputFolder.DeleteTree(_folder.Previous);
        }

        _changed.Sort(StringComparer.Ordinal);
        return true;
    }

    /// <summary>The build's file that an entry no build wrote stands in the way of, if any.</summary>
    private string? Clash(string path, OutputEntry kind, HashSet<string> producedFolders)
    {
        if (_produced.ContainsKey(path))
        {
            return path;
        }

        if (kind != OutputEntry.Folder && producedFolders.Contains(path))
        {
            return _produced.Keys.Where(p => p.StartsWith(path + "/", StringComparison.Ordinal)).Min(StringComparer.Ordinal);
        }

        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (_produced.ContainsKey(path[..slash]))
            {
                return path[..slash];
            }
        }

        return null;
    }

    /// <summary>Puts an entry of the old output into the staging folder as it is: a file by a hard link (or a copy), a link as a link.</summary>
    private void Carry(string path, OutputEntry kind)
    {
        var from = Path.Combine(_output, path);
        var to = Path.Combine(_staging, path);
        if (kind == OutputEntry.Folder)
        {
            Directory.CreateDirectory(to);
            return;
        }

        EnsureFolder(Path.GetDirectoryName(to)!);
        if (kind == OutputEntry.Link)
        {
            File.CreateSymbolicLink(to, new FileInfo(from).LinkTarget!);
        }
        else if (!NativeFiles.TryHardLink(from, to))
        {
            File.Copy(from, to);
            File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(from));
        }
    }

    private static string Describe(OutputEntry kind) => kind switch
    {
        OutputEntry.Link => "symbolic link",
        OutputEntry.Folder => "folder",
        _ => "file",
    };

    /// <summary>
    /// The preview's private folder: staged files moved into place, files the last build wrote and this one did not
    /// removed, and the manifest kept for the next session's builds into the same folder.
    /// </summary>
    private void CommitInPlace()
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

            RemoveNoLongerProduced();
            Directory.Delete(_staging, recursive: true);
        }

        if (!_folder.Owned.SetEquals(_produced.Keys))
        {
            File.WriteAllBytes(Path.Combine(_output, OutputManifest.FileName), OutputManifest.Format(_produced.Keys));
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
        try
        {
            OutputFolder.DeleteTree(_staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next build, which deletes it before it starts (OutputFolder.Inspect).
        }
    }

    private bool Intact(string relativePath, OutputRecord known) => _inPlace || (_old.IsPlainFile(relativePath) && Intact(_output, relativePath, known));

    /// <summary>A file in the output that an earlier build wrote and that is still a plain file, not a link.</summary>
    private bool Owns(string relativePath) => _inPlace || (_folder.Owned.Contains(relativePath) && _old.IsPlainFile(relativePath));

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
