using System.Collections.Concurrent;

namespace Digest.Build;

/// <summary>
/// Writes a build's files into a staging folder beside the output and moves them into place only on
/// <see cref="Commit"/>: a failed build leaves the previous output exactly as it was. A file whose bytes did not
/// change is not written at all, so it keeps its timestamp.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly bool _outputExists;
    private readonly ConcurrentDictionary<string, bool> _changedByPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _createdFolders = new(StringComparer.Ordinal);

    public OutputWriter(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _staging = Path.Combine(Path.GetDirectoryName(_output)!, "." + Path.GetFileName(_output) + ".digest-staging");
        _outputExists = Directory.Exists(_output);
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
    }

    public int Written => _changedByPath.Values.Count(changed => changed);
    public int Unchanged => _changedByPath.Values.Count(changed => !changed);

    /// <summary>Writes one file of the build, given by its '/'-separated path relative to the output.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        if (_outputExists && SameBytes(Path.Combine(_output, relativePath), bytes))
        {
            _changedByPath[relativePath] = false;
            return;
        }

        var target = Path.Combine(_staging, relativePath);
        EnsureFolder(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        _changedByPath[relativePath] = true;
    }

    /// <summary>Moves the staged files into the output and removes files this build no longer produces.</summary>
    public void Commit()
    {
        if (!_outputExists)
        {
            Directory.Move(_staging, _output);
            return;
        }

        foreach (var (path, changed) in _changedByPath)
        {
            if (changed)
            {
                var target = Path.Combine(_output, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(_staging, path), target, overwrite: true);
            }
        }

        RemoveStale(_output);
        Directory.Delete(_staging, recursive: true);
    }

    public void Dispose()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    private void RemoveStale(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!_changedByPath.ContainsKey(Relative(file)))
            {
                File.Delete(file);
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

    private void EnsureFolder(string folder)
    {
        _createdFolders.GetOrAdd(folder, static f => { Directory.CreateDirectory(f); return 0; });
    }

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
}
