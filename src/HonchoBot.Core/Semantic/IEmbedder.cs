namespace HonchoBot.Core.Semantic;

/// <summary>
/// A sentence-embedding model that runs in this process. Vectors are unit length, so a dot product is
/// the cosine. Questions and passages are embedded differently on purpose: retrieval models are trained
/// with an instruction in front of the question and none in front of the passage.
/// </summary>
public interface IEmbedder
{
    /// <summary>Names the model and its version; vectors are stored under it, so a new model re-embeds.</summary>
    string ModelId { get; }

    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>
    /// How high this model's cosines run between a question and a sentence that answers it: every model has
    /// its own scale, so the no-answer decision takes its thresholds from the model.
    /// </summary>
    RelevanceScale Relevance { get; }

    /// <summary>Embeds a question (with the model's query instruction, when it has one).</summary>
    float[] EmbedQuery(string question);

    /// <summary>Embeds passages or sentences, in order; safe to call from several threads.</summary>
    IReadOnlyList<float[]> EmbedDocuments(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>
/// Cosines (question to best sentence) at which a model's evidence counts, by how much of the question's
/// words the same passage holds: most of them, some of them, or too few (a paraphrase).
/// </summary>
/// <param name="WithMostWords">Needed when the passage covers the question's words well.</param>
/// <param name="WithSomeWords">Needed when it covers only part of them.</param>
/// <param name="Paraphrase">Needed when it shares too few words: only a close paraphrase answers.</param>
/// <param name="SameTopic">
/// Statement to statement (no query instruction): below it, two statements are about different things, and the
/// claim comparer drops a pair the rules set against each other.
/// </param>
public sealed record RelevanceScale(double WithMostWords, double WithSomeWords, double Paraphrase, double SameTopic);
