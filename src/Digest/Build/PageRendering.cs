using System.Diagnostics;
using System.Text;
using Digest.Hashing;
using Digest.Templates;
using Digest.Writing;
using Scriban;

namespace Digest.Build;

/// <summary>What the render stage works with: the pages, what their templates see, and where the output goes.</summary>
/// <param name="KnownKey">A page's key known without working it out (<see cref="RenderMemo"/>), or null.</param>
/// <param name="EveryPage">What every page's templates see: the theme, the tool, the site object.</param>
internal sealed record PageRenderJob(BuildRun Run, List<PageSpec> Pages, TemplateModel Model, ModelKeys Keys, Func<PageSpec, UInt128?>? KnownKey,
    UInt128 EveryPage, PageRenderer Renderer, OutputWriter Writer, OutputClaims Claims);

/// <summary>The render stage: every page's templates run, one worker per core, and each page written from its worker's buffer.</summary>
internal static class PageRendering
{
    /// <summary>
    /// Renders every page whose fingerprint (the theme, the tool, and every value its templates can see) differs from
    /// what the last build wrote, and writes it at once: no page outlives its render. A page made from the same inputs
    /// as in the last build (<see cref="SessionMemo.OutputKeys"/>) is kept without building its values.
    /// </summary>
    /// <returns>The key of what each page was made from, in the order of <see cref="PageRenderJob.Pages"/>.</returns>
    public static UInt128[] Render(PageRenderJob job)
    {
        var (pages, writer, previousKeys) = (job.Pages, job.Writer, job.Run.Memo.OutputKeys);
        var (renderTicks, writeTicks, rendered) = (0L, 0L, 0);
        var pageKeys = new UInt128[pages.Count];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, pages.Count, job.Run.CpuBound, () => new PageWorker(job.Renderer.CreateContext()), (i, _, worker) =>
        {
            var page = pages[i];
            if (!job.Claims.Claim(page.OutputPath, page.Source))
            {
                return worker;
            }

            var start = Stopwatch.GetTimestamp();
            pageKeys[i] = job.KnownKey?.Invoke(page) ?? page.Key(job.Keys);
            if (previousKeys.TryGetValue(page.OutputPath, out var before) && before == pageKeys[i] && writer.TryKeep(page.OutputPath))
            {
                worker.RenderTicks += Stopwatch.GetTimestamp() - start;
                return worker;
            }

            var globals = page.Globals(job.Model);
            var fingerprint = new Fingerprint().AddHash(job.EveryPage).Add(page.Layout).Add(page.Url).AddValue(globals).Value;
            if (writer.TryKeep(page.OutputPath, fingerprint))
            {
                worker.RenderTicks += Stopwatch.GetTimestamp() - start;
                return worker;
            }

            var text = job.Renderer.Render(worker.Context, page.Layout, globals, page.Source, job.Run.Diagnostics);
            var renderedAt = Stopwatch.GetTimestamp();
            worker.RenderTicks += renderedAt - start;
            Interlocked.Increment(ref rendered);
            if (text is not null)
            {
                writer.Write(page.OutputPath, worker.Encode(text), fingerprint);
                worker.WriteTicks += Stopwatch.GetTimestamp() - renderedAt;
            }

            return worker;
        }, worker =>
        {
            Interlocked.Add(ref renderTicks, worker.RenderTicks);
            Interlocked.Add(ref writeTicks, worker.WriteTicks);
        });

        // Both happen on every worker at once: the stage's time is shared out by the workers' time in each.
        var elapsed = watch.Elapsed;
        job.Run.Work.PagesRendered = rendered;
        var renderShare = renderTicks + writeTicks == 0 ? 1 : (double)renderTicks / (renderTicks + writeTicks);
        job.Run.Timings.Add("render", rendered, elapsed * renderShare);
        job.Run.Timings.Add("write", rendered, elapsed * (1 - renderShare));
        return pageKeys;
    }

    /// <summary>One render worker's context, its reused UTF-8 buffer, and where its time went.</summary>
    private sealed class PageWorker(TemplateContext context)
    {
        private byte[] _buffer = [];

        public TemplateContext Context { get; } = context;
        public long RenderTicks { get; set; }
        public long WriteTicks { get; set; }

        public ReadOnlySpan<byte> Encode(string text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_buffer.Length < most)
            {
                _buffer = new byte[Math.Max(most, 64 * 1024)];
            }

            return _buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, _buffer));
        }
    }
}
