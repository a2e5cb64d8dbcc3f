using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Digest.Yaml;

/// <summary>
/// Passes YAML events through to the node loader while refusing what would make it, or anything that walks its
/// nodes, recurse without end or blow up: an alias to a node still being read (<c>x: &amp;a [*a]</c>), more nested
/// levels than <see cref="MaxDepth"/>, and more nodes than <see cref="MaxNodes"/> once every alias is expanded
/// ("billion laughs"). One pass over the events the loader reads anyway: nothing is parsed twice.
/// </summary>
internal sealed class GuardedYamlParser(IParser inner) : IParser
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 100_000;

    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long Size)> _open = new();
    private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
    private long _total;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last list or map began: the place to report a fault the loader finds only at its end.</summary>
    public Mark LastCollectionStart { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case SequenceStart or MappingStart:
                var start = (NodeEvent)inner.Current;
                LastCollectionStart = start.Start;
                if (_open.Count >= MaxDepth)
                {
                    throw Refuse(start, $"the YAML is nested more than {MaxDepth} levels deep");
                }

                var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                if (anchor is not null)
                {
                    _openAnchors.Add(anchor);
                }

                _open.Push((anchor, 1));
                Count(start, 1);
                break;
            case SequenceEnd or MappingEnd when _open.Count > 0:
                var (closed, size) = _open.Pop();
                if (closed is not null)
                {
                    _openAnchors.Remove(closed);
                    _anchorSizes[closed] = size;
                }

                if (_open.Count > 0)
                {
                    var (parentAnchor, parentSize) = _open.Pop();
                    _open.Push((parentAnchor, parentSize + size));
                }

                break;
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchorSizes[scalar.Anchor.Value] = 1;
                }

                AddToParent(1);
                Count(scalar, 1);
                break;
            case AnchorAlias alias:
                var name = alias.Value.Value;
                if (_openAnchors.Contains(name))
                {
                    throw Refuse(alias, $"the alias '*{name}' refers to a node that contains it, which would repeat without end");
                }

                var expanded = _anchorSizes.GetValueOrDefault(name, 1);
                AddToParent(expanded);
                Count(alias, expanded);
                break;
        }

        return true;
    }

    private void AddToParent(long size)
    {
        if (_open.Count > 0)
        {
            var (anchor, parentSize) = _open.Pop();
            _open.Push((anchor, parentSize + size));
        }
    }

    private void Count(ParsingEvent at, long size)
    {
        _total += size;
        if (_total > MaxNodes)
        {
            throw Refuse(at, $"the YAML holds more than {MaxNodes:N0} values once its aliases are expanded");
        }
    }

    private static YamlLimitException Refuse(ParsingEvent at, string message) => new(at.Start, at.End, message);
}

/// <summary>YAML that parses but is refused by <see cref="GuardedYamlParser"/>.</summary>
internal sealed class YamlLimitException(Mark start, Mark end, string message) : YamlException(start, end, message);
