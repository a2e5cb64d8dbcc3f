namespace Digest.Scaffolding;

/// <summary>What <c>digest init</c> did to one file of the site.</summary>
public enum FileChange
{
    /// <summary>The file did not exist and was written.</summary>
    Created,

    /// <summary>The file existed and lines or a tool were added to it; nothing in it was changed or removed.</summary>
    Updated,

    /// <summary>The file existed and already held what init would write; it was not touched.</summary>
    Kept,
}
