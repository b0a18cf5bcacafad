using HonchoBot.Core.Claims;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Answers;

/// <summary>
/// Turns ranked evidence into an <see cref="Answer"/>: decides whether the evidence answers the question
/// at all (by how much of it the best passage covers, not by a raw score), then picks up to three
/// citations, preferring distinct passages and, when they say something relevant, distinct sources.
/// </summary>
public static class AnswerComposer
{
    /// <summary>The idf-weighted share of the question the best passage must cover.</summary>
    public const double MinCoverage = 0.35;

    /// <summary>Further citations must cover at least this share of what the best one covers.</summary>
    private const double RelativeCoverage = 0.55;

    public const int MaxCitations = 3;

    public const string NoConceptsMessage =
        "I could not find anything to search for in that question. Try naming a person, aircraft, place, unit or event.";

    public const string NotCoveredMessage =
        "My sources do not seem to answer that. I only know what my sources say; /sources lists them.";

    public static Answer Compose(string question, QuestionMode mode, SearchResult result, double elapsedMs, IDisagreementFinder? disagreements = null)
    {
        if (result.ConceptCount == 0)
        {
            return Answer.Without(question, AnswerStatus.NoAnswer, NoConceptsMessage, elapsedMs);
        }

        if (result.Candidates.Count == 0 || !Answers(result.Candidates[0], result.ConceptCount))
        {
            return Answer.Without(question, AnswerStatus.NoAnswer, NotCoveredMessage, elapsedMs);
        }

        var chosen = ChooseCitations(result.Candidates, mode == QuestionMode.Fact ? 1 : MaxCitations);
        IReadOnlyList<Citation> citations = chosen.Select((c, i) => ToCitation(c.Evidence, i + 1, c.Excerpt)).ToList();
        IReadOnlyList<Disagreement> found = [];
        if (disagreements is not null && mode == QuestionMode.Ask)
        {
            (citations, found) = DisagreementCitations.Add(question, result.Candidates, citations, disagreements);
        }

        return new Answer(question, AnswerStatus.Answered, null, citations, found, elapsedMs);
    }

    /// <summary>True when the passage covers enough of the question to count as an answer.</summary>
    /// <remarks>
    /// A short question must be covered whole: in "president of the United States" the one word the
    /// library has never seen is the point of the question. Longer ones may miss words, not the bulk.
    /// </remarks>
    public static bool Answers(Evidence best, int conceptCount) =>
        best.Coverage >= MinCoverage && best.MatchedConcepts >= Math.Min(conceptCount, 2);

    /// <summary>Builds citation <paramref name="n"/> from a piece of evidence.</summary>
    public static Citation ToCitation(Evidence evidence, int n) => ToCitation(evidence, n, ExcerptBuilder.Build(evidence));

    /// <summary>Builds citation <paramref name="n"/> with a given excerpt (e.g. the sentence carrying a claim).</summary>
    public static Citation ToCitation(Evidence evidence, int n, (string Text, int Start) excerptAt)
    {
        var (excerpt, start) = excerptAt;
        var source = evidence.Source;
        return new Citation(
            n,
            source.Id,
            source.Title,
            source.Author,
            source.Publisher,
            source.Published,
            source.Url,
            evidence.Passage.LocationAt(start),
            evidence.Passage.Id,
            excerpt,
            source.Notes,
            Math.Round(evidence.Bm25, 3));
    }

    /// <summary>The chosen evidence in rank order, each with its excerpt (built once: it also decides duplicates).</summary>
    private static List<(Evidence Evidence, (string Text, int Start) Excerpt)> ChooseCitations(IReadOnlyList<Evidence> ranked, int max)
    {
        var best = ranked[0];
        var relevant = ranked
            .Skip(1)
            .Where(e => e.Coverage >= Math.Max(MinCoverage * 0.8, best.Coverage * RelativeCoverage))
            .ToList();
        var chosen = new List<(Evidence Evidence, (string Text, int Start) Excerpt)> { (best, ExcerptBuilder.Build(best)) };

        // A relevant passage from a source not yet cited goes first; then the rest by rank.
        while (chosen.Count < max)
        {
            var next = relevant.FirstOrDefault(e => chosen.TrueForAll(c => c.Evidence.Source.Id != e.Source.Id))
                ?? relevant.FirstOrDefault();
            if (next is null)
            {
                break;
            }

            relevant.Remove(next);
            var excerpt = ExcerptBuilder.Build(next);
            if (chosen.TrueForAll(c => c.Excerpt.Text != excerpt.Text))
            {
                chosen.Add((next, excerpt));
            }
        }

        // Citations stay in rank order.
        var order = ranked.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i);
        return [.. chosen.OrderBy(c => order[c.Evidence])];
    }
}
