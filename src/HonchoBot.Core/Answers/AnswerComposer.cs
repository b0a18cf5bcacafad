using HonchoBot.Core.Claims;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Answers;

/// <summary>
/// Turns ranked evidence into an <see cref="Answer"/>: decides whether the evidence answers the question
/// at all (<see cref="Answerability"/>), then picks up to three citations, preferring distinct passages
/// and, when they say something relevant, distinct sources.
/// </summary>
public static class AnswerComposer
{
    /// <summary>Lexically ranked: further citations must cover at least this share of what the best one covers.</summary>
    private const double RelativeCoverage = 0.55;

    /// <summary>Ranked by meaning and words: further citations must score at least this share of the best one.</summary>
    private const double RelativeRank = 0.6;

    /// <summary>Ranked by meaning, a passage from a source not yet cited is preferred when it scores this share of the next one.</summary>
    private const double OtherSourceRank = 0.9;

    public const int MaxCitations = 3;

    public const string NoConceptsMessage =
        "I could not find anything to search for in that question. Try naming a person, aircraft, place, unit or event.";

    public const string NotCoveredMessage =
        "My sources do not seem to answer that. I only know what my sources say; ask me what sources I have to see them.";

    public static Answer Compose(string question, QuestionMode mode, SearchResult result, double elapsedMs, IDisagreementFinder? disagreements = null)
    {
        switch (Answerability.Judge(result))
        {
            case NoAnswerReason.NothingToSearch:
                return Answer.Without(question, AnswerStatus.NoAnswer, NoConceptsMessage, elapsedMs);
            case NoAnswerReason.UnknownNames:
                return Answer.Without(question, AnswerStatus.NoAnswer, UnknownNamesMessage(result.UnknownTerms), elapsedMs);
            case NoAnswerReason.NotCovered:
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

    /// <summary>The no-answer message that names what the library has never heard of.</summary>
    public static string UnknownNamesMessage(IReadOnlyList<string> terms) =>
        $"My sources say nothing about {string.Join(" or ", terms.Take(3).Select(t => $"\"{t}\""))}, so I cannot answer that. I only know what my sources say.";

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
            Math.Round(evidence.Dense is null ? evidence.Bm25 : evidence.Rank, 3));
    }

    /// <summary>The chosen evidence in rank order, each with its excerpt (built once: it also decides duplicates).</summary>
    private static List<(Evidence Evidence, (string Text, int Start) Excerpt)> ChooseCitations(IReadOnlyList<Evidence> ranked, int max)
    {
        var best = ranked[0];
        var relevant = ranked
            .Skip(1)
            .Where(e => best.Dense is not null
                ? e.Rank >= best.Rank * RelativeRank
                : e.Coverage >= Math.Max(Answerability.MinCoverage * 0.8, best.Coverage * RelativeCoverage))
            .ToList();
        var chosen = new List<(Evidence Evidence, (string Text, int Start) Excerpt)> { (best, ExcerptBuilder.Build(best)) };

        // A relevant passage from a source not yet cited goes first (ranked by meaning: when it is nearly as good as
        // the next passage); then the rest by rank.
        while (chosen.Count < max)
        {
            var top = relevant.FirstOrDefault();
            var other = relevant.FirstOrDefault(e => chosen.TrueForAll(c => c.Evidence.Source.Id != e.Source.Id));
            var next = other is not null && (best.Dense is null || other.Rank >= top!.Rank * OtherSourceRank) ? other : top;
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
