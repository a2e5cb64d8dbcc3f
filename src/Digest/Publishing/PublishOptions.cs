namespace Digest.Publishing;

/// <summary>What <c>digest publish</c> was asked to do, after the site was built.</summary>
public sealed record PublishOptions
{
    /// <summary>A folder inside the git repository to publish from (the site folder).</summary>
    public required string RepositoryDirectory { get; init; }
    /// <summary>The built site: it becomes the whole tree of the branch.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>The address the site was built for; a local or example one is warned about.</summary>
    public required Uri BaseUrl { get; init; }
    /// <summary>Whether <see cref="BaseUrl"/> came from <c>--base-url</c> rather than digest.yml (where its warnings point).</summary>
    public bool BaseUrlFromCommandLine { get; init; }
    public string Branch { get; init; } = "gh-pages";
    public string Remote { get; init; } = "origin";
    /// <summary>The commit message; by default it names the source commit.</summary>
    public string? Message { get; init; }
    /// <summary>Written as CNAME into the published tree when not empty.</summary>
    public string CustomDomain { get; init; } = "";
}
