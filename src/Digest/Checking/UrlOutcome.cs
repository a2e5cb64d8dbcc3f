namespace Digest.Checking;

public enum UrlOutcome
{
    /// <summary>Another site, or a scheme such as mailto: or data:.</summary>
    External,
    /// <summary>A file of this site.</summary>
    Internal,
    /// <summary>A path on the site's host that is not under its base path: the classic sub-path bug.</summary>
    OutsideBasePath,
}
