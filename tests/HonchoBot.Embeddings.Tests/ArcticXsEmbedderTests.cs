using HonchoBot.Core.Semantic;

namespace HonchoBot.Embeddings.Tests;

/// <summary>The real model on a handful of sentences: what the rest of the system relies on it for.</summary>
public sealed class ArcticXsEmbedderTests(ModelFixture model) : IClassFixture<ModelFixture>
{
    private static readonly string[] Sentences =
    [
        "Soviet MiG pilots shot down during the war were buried in cemeteries around Liaoning, China.",
        "The regiment's aircraft were marked with North Korean insignia to hide who flew them.",
        "Bananas are rich in potassium and ripen faster in a paper bag.",
    ];

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void EmbedDocuments_GivesUnitVectorsOfTheModelsLength_InOrder()
    {
        var vectors = model.Embedder.EmbedDocuments(Sentences, CancellationToken.None);

        Assert.Equal(Sentences.Length, vectors.Count);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(Math.Sqrt(Cosine(v, v)), 0.999, 1.001));

        // Order is kept even though batches are sorted by length inside.
        var one = model.Embedder.EmbedDocuments([Sentences[2]], CancellationToken.None)[0];
        Assert.InRange(Cosine(one, vectors[2]), 0.9999, 1.0001);
    }

    [Theory]
    [InlineData("where were the russian pilots who died buried", 0)]
    [InlineData("what markings did the planes have", 1)]
    public void EmbedQuery_AParaphrasedQuestion_IsNearestToTheSentenceThatAnswersIt(string question, int answer)
    {
        var vectors = model.Embedder.EmbedDocuments(Sentences, CancellationToken.None);
        var query = model.Embedder.EmbedQuery(question);

        var best = Enumerable.Range(0, Sentences.Length).MaxBy(i => Cosine(query, vectors[i]));

        Assert.Equal(answer, best);
    }

    [Fact]
    public void EmbedQuery_AnsweringSentence_ReachesTheModelsParaphraseScale_AndAnUnrelatedOneDoesNot()
    {
        var vectors = model.Embedder.EmbedDocuments(Sentences, CancellationToken.None);
        var query = model.Embedder.EmbedQuery("where were the soviet pilots buried");

        Assert.True(Cosine(query, vectors[0]) >= model.Embedder.Relevance.Paraphrase, $"answer: {Cosine(query, vectors[0]):F3}");
        Assert.True(Cosine(query, vectors[2]) < model.Embedder.Relevance.WithMostWords, $"bananas: {Cosine(query, vectors[2]):F3}");
    }

    [Fact]
    public void EmbedQuery_FromManyThreadsAtOnce_GivesTheSameVector()
    {
        var expected = model.Embedder.EmbedQuery("How many MiGs did the Sabre pilots claim?");

        var results = new float[8][];
        Parallel.For(0, results.Length, i => results[i] = model.Embedder.EmbedQuery("How many MiGs did the Sabre pilots claim?"));

        Assert.All(results, r => Assert.InRange(Cosine(r, expected), 0.9999, 1.0001));
    }

    [Fact]
    public void ModelId_NamesTheModelAndItsVersion()
    {
        Assert.StartsWith("snowflake-arctic-embed-xs-24.9.", model.Embedder.ModelId, StringComparison.Ordinal);
        Assert.Equal(model.Embedder.ModelId, new ArcticXsEmbedder(1).ModelId);
    }

    [Fact]
    public void EmbedDocuments_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Embedder.EmbedDocuments(Sentences, cancelled.Token));
    }
}
