using System.Text;

namespace HonchoBot.Host.Cli;

/// <summary>
/// Reads lines ended by LF (a CRLF ending loses its CR). Unlike <see cref="TextReader.ReadLineAsync()"/>, a lone
/// CR inside a line does not end it: one stdin line is one question, whatever it contains.
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    private readonly char[] _buffer = new char[4096];
    private int _start;
    private int _end;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                if (_end == 0)
                {
                    return line.Length > 0 ? WithoutCr(line) : null;
                }
            }

            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            if (newline < 0)
            {
                line.Append(_buffer, _start, _end - _start);
                _start = _end;
                continue;
            }

            line.Append(_buffer, _start, newline - _start);
            _start = newline + 1;
            return WithoutCr(line);
        }
    }

    private static string WithoutCr(StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
}
