using System.Text.Json;

namespace HonchoBot.Host.Tests.Cli;

/// <summary>The CLI with the real embedding model: paraphrases BM25 cannot see, and vectors kept between runs.</summary>
public sealed class SemanticCliTests : IDisposable
{
    private static readonly Dictionary<string, string> Semantic = new() { ["Retrieval__Semantic"] = "true" };

    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    [Fact]
    public async Task Ask_a_paraphrase_finds_the_answering_sentence_and_a_second_run_reuses_the_vectors()
    {
        var first = await _honcho.RunAsync(null, Semantic, "ask", "--json", "what happened to the graves");

        Assert.True(first.ExitCode == 0, first.ToString());
        using (var answer = JsonDocument.Parse(Assert.Single(first.StdoutLines)))
        {
            Assert.Equal("answered", answer.RootElement.GetProperty("status").GetString());
            Assert.Contains(
                answer.RootElement.GetProperty("citations").EnumerateArray().Take(3),
                c => c.GetProperty("excerpt").GetString()!.Contains("fell into disrepair", StringComparison.Ordinal));
        }

        var store = Directory.GetFiles(Path.Combine(_honcho.DataPath, "vectors"), "vectors.bin", SearchOption.AllDirectories);
        var size = new FileInfo(Assert.Single(store)).Length;
        Assert.True(size > 0);

        var second = await _honcho.RunAsync(null, Semantic, "ask", "--json", "were the soviet pilots any good");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(size, new FileInfo(store[0]).Length); // nothing was embedded again
    }

    [Fact]
    public async Task Index_embeds_every_passage_and_reports_the_vectors()
    {
        var run = await _honcho.RunAsync(null, Semantic, "index");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Vectors: (\d+) of \1 passages", run.Stdout);
    }

    [Fact]
    public async Task Ask_with_the_semantic_layer_off_loads_no_model_and_writes_no_vectors()
    {
        var run = await _honcho.RunAsync(null, "ask", "--json", "How many MiGs did the Sabre pilots claim?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(_honcho.DataPath, "vectors")));
    }
}
