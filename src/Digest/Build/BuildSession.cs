namespace Digest.Build;

/// <summary>
/// Builds one site again and again (the preview keeps one session for as long as it runs). Every
/// <see cref="Build"/> produces exactly what a cold build of the same files would.
/// </summary>
public sealed class BuildSession(BuildOptions options)
{
    public BuildOptions Options { get; } = options;

    public BuildResult Build(CancellationToken cancellationToken = default) => SiteBuilder.Run(Options, cancellationToken);
}
