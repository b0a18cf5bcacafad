using HonchoBot.Host.Cli;

namespace HonchoBot.Host.Tests.Cli;

public sealed class LineReaderTests
{
    private static async Task<List<string>> ReadAllAsync(string input)
    {
        var reader = new LineReader(new StringReader(input));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task ReadLineAsync_CarriageReturnInsideALine_KeepsItOneLine() =>
        Assert.Equal(["How many MiGs\rdid the Sabres claim?", "Who were the honchos?"], await ReadAllAsync("How many MiGs\rdid the Sabres claim?\nWho were the honchos?\n"));

    [Fact]
    public async Task ReadLineAsync_CrLfEndings_LoseTheirCarriageReturn() =>
        Assert.Equal(["a", "", "b"], await ReadAllAsync("a\r\n\r\nb\r\n"));

    [Fact]
    public async Task ReadLineAsync_LastLineWithoutNewline_IsStillALine() =>
        Assert.Equal(["a", "b"], await ReadAllAsync("a\nb"));

    [Fact]
    public async Task ReadLineAsync_LinesLongerThanTheBuffer_AreWhole()
    {
        var long1 = new string('x', 10_000);

        Assert.Equal([long1, "y"], await ReadAllAsync(long1 + "\ny\n"));
    }
}
