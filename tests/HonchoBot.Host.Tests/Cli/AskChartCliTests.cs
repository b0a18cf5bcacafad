namespace HonchoBot.Host.Tests.Cli;

/// <summary><c>honcho ask --chart FILE.png</c>: a PNG when the answer disputes a number, nothing (and a note on stderr) otherwise.</summary>
public sealed class AskChartCliTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    [Fact]
    public async Task A_numeric_disagreement_is_written_as_a_png_and_its_path_printed()
    {
        // 335 planes lost (one source) against 792 MiG-15s claimed (the other): a different-measure disagreement.
        var run = await _honcho.RunAsync(null, "ask", "--chart", "losses.png", "How many planes did the Soviet air force lose?");

        Assert.True(run.ExitCode == 0, run.ToString());
        var path = Path.Combine(_honcho.Root, "losses.png");
        Assert.True(File.Exists(path), run.ToString());
        var png = await File.ReadAllBytesAsync(path);
        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        Assert.True(png.Length > 4_000, $"{png.Length} bytes");
        Assert.Contains($"chart: {path}", run.StdoutLines);
    }

    [Fact]
    public async Task The_claim_question_of_the_readme_charts_the_claim_beside_the_record()
    {
        // Sabre pilots' 792 claimed MiG-15s against the 335 planes of the Soviet loss record (claims vs records).
        var run = await _honcho.RunAsync(null, "ask", "--chart", "claims.png", "How many MiG-15s did the Sabre pilots claim?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("792", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_honcho.Root, "claims.png")), run.ToString());
    }

    [Fact]
    public async Task With_json_stdout_is_only_the_answer_and_the_path_goes_to_stderr()
    {
        var run = await _honcho.RunAsync(null, "ask", "--json", "--chart", "losses.png", "How many planes did the Soviet air force lose?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("{", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
        Assert.Contains($"chart: {Path.Combine(_honcho.Root, "losses.png")}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_a_numeric_disagreement_writes_nothing_and_says_so_on_stderr()
    {
        // A nickname: nothing numeric to dispute, so no chart.
        var run = await _honcho.RunAsync(null, "ask", "--chart", "nickname.png", "What did US pilots nickname the skilled MiG-15 pilots?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(Path.Combine(_honcho.Root, "nickname.png")), run.ToString());
        Assert.Contains("no chart", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("chart:", run.Stdout, StringComparison.Ordinal);
    }
}
