namespace Digest.Checking;

/// <summary>
/// Turns offsets into 1-based lines and columns for a scanner that moves forward only: each call counts the
/// newlines since the previous one, so a whole page costs one pass however many positions are asked for.
/// </summary>
internal sealed class LineCounter(string text)
{
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    public (int Line, int Column) At(int offset)
    {
        if (offset < _offset)
        {
            // A position behind the last one (rare: a problem found after a look-ahead): count from the start.
            _offset = 0;
            _line = 1;
            _lineStart = 0;
        }

        var span = text.AsSpan(_offset, offset - _offset);
        var newlines = span.Count('\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _offset + span.LastIndexOf('\n') + 1;
        }

        _offset = offset;
        return (_line, offset - _lineStart + 1);
    }
}
