using Digest.Diagnostics;
using Digest.Writing;

namespace Digest.Tests.Writing;

public sealed class OutputWriterTests
{
    /// <summary>
    /// Many threads writing into the same new folders at once: each write must find its folder made, even when
    /// another thread is the one making it (a race that failed sample builds now and then).
    /// </summary>
    [Fact]
    public void ParallelWritesIntoNewFoldersAllLand()
    {
        const int Folders = 60;
        const int FilesPerFolder = 16;
        // The race needs threads to meet on a folder; a few rounds make a miss very unlikely.
        for (var round = 0; round < 2; round++)
        {
            using var temp = new TempFolder();
            var diagnostics = new DiagnosticBag();
            var folder = OutputFolder.Inspect(temp.Combine("site"), temp.Combine("out"), [], force: false, diagnostics)!;
            using (var writer = new OutputWriter(folder, previous: null))
            {
                Parallel.For(0, Folders * FilesPerFolder, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
                    writer.Write($"f{i % Folders}/deeper/file{i / Folders}.txt", [(byte)'x']));
                Assert.True(writer.Commit(diagnostics));
            }

            Assert.Equal(Folders * FilesPerFolder, Directory.GetFiles(temp.Combine("out"), "*.txt", SearchOption.AllDirectories).Length);
        }
    }
}
