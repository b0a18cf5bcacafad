using HonchoBot.Core.Answers;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Curation;

/// <summary>
/// Coverage gaps: the unanswered questions of the question log and the down-voted answers of the feedback store,
/// grouped by similarity and most asked first — the to-do list for the next source. Similarity is lexical: each
/// question becomes the set of its content words through the same analysis chain as search (stop words and
/// question words dropped, stemmed, synonyms made canonical), identical sets are counted together, then each
/// set joins the first larger group whose seed it resembles (Dice coefficient at least <see cref="MinSimilarity"/>).
/// </summary>
public sealed class GapFinder(IQuestionLog log, IFeedbackStore feedback, TimeProvider time) : IDisposable
{
    /// <summary>Two word sets belong together at or above this Dice coefficient.</summary>
    public const double MinSimilarity = 0.5;

    /// <summary>Most groups a report may ask for.</summary>
    public const int MaxGroups = 100;

    /// <summary>Newest gap questions considered; older ones beyond this are left out (bounded work).</summary>
    public const int MaxQuestions = 20_000;

    private const int TermsShown = 5;
    private readonly Lazy<TextAnalysis> _analysis = new(() => new TextAnalysis(SynonymList.Default));

    /// <summary>The report of the last <paramref name="days"/> days for one community (null: all).</summary>
    public async Task<GapReport> FindAsync(int days, string? community, int maxGroups, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        maxGroups = Math.Clamp(maxGroups, 1, MaxGroups);
        var since = time.GetUtcNow() - TimeSpan.FromDays(days);
        var asked = (await log.ReadSinceAsync(since, cancellationToken)).Where(q => InScope(q.CommunityId)).ToList();
        var votes = await feedback.ReadVotesSinceAsync(since, cancellationToken);
        var gaps = asked
            .Where(q => q.Status == AnswerStatus.NoAnswer)
            .Select(q => new GapQuestion(q.Text, GapKind.Unanswered, null, q.CommunityId, q.Time))
            .Concat(votes
                .Where(v => v.Value == VoteValue.Down && InScope(v.CommunityId))
                .Select(v => new GapQuestion(v.Question, GapKind.DownVoted, v.Reason, v.CommunityId, v.Time)))
            .OrderByDescending(g => g.Time)
            .Take(MaxQuestions)
            .ToList();
        return new GapReport(since, days, community, asked.Count, Group(gaps).Take(maxGroups).ToList());

        bool InScope(string? id) => community is null || string.Equals(id, community, StringComparison.Ordinal);
    }

    /// <summary>Groups gap questions by similarity, most asked first (ties: most recent first).</summary>
    public IReadOnlyList<GapGroup> Group(IReadOnlyList<GapQuestion> questions)
    {
        // Identical word sets first: the biggest become the seeds that smaller sets join.
        var exact = questions
            .Select(q => (Question: q, Terms: ContentWords(q.Text)))
            .GroupBy(x => Key(x.Terms, x.Question.Text), StringComparer.Ordinal)
            .Select(g => (Terms: g.First().Terms, Members: g.Select(x => x.Question).ToList()))
            .OrderByDescending(g => g.Members.Count)
            .ThenByDescending(g => g.Members.Max(m => m.Time))
            .ThenBy(g => Key(g.Terms, g.Members[0].Text), StringComparer.Ordinal)
            .ToList();

        var clusters = new List<(HashSet<string> Seed, List<GapQuestion> Members, List<string[]> TermSets)>();
        foreach (var (terms, members) in exact)
        {
            var set = terms.ToHashSet(StringComparer.Ordinal);
            var home = set.Count == 0 ? -1 : clusters.FindIndex(c => Dice(c.Seed, set) >= MinSimilarity);
            if (home < 0)
            {
                clusters.Add((set, [.. members], [.. members.Select(_ => terms)]));
            }
            else
            {
                clusters[home].Members.AddRange(members);
                clusters[home].TermSets.AddRange(members.Select(_ => terms));
            }
        }

        return clusters
            .Select(c => ToGroup(c.Members, c.TermSets))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .ThenBy(g => g.Example, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The distinct content words of a question, through the search chain (sorted).</summary>
    public string[] ContentWords(string text) =>
        _analysis.Value.AnalyzeQuery(text).Select(t => t.Term).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static GapGroup ToGroup(List<GapQuestion> members, List<string[]> termSets)
    {
        var example = members
            .GroupBy(m => Normalise(m.Text), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(m => m.Time))
            .First()
            .OrderByDescending(m => m.Time)
            .First()
            .Text.Trim();
        var terms = termSets
            .SelectMany(t => t)
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TermsShown)
            .Select(g => g.Key)
            .ToList();
        return new GapGroup(
            example,
            members.Count,
            members.Count(m => m.Kind == GapKind.Unanswered),
            members.Count(m => m.Kind == GapKind.DownVoted),
            members.Count(m => m.Reason == VoteReason.WrongSource),
            members.Count(m => m.Reason == VoteReason.MissingAnswer),
            terms,
            members.Max(m => m.Time));
    }

    private static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    // A question of stop words only has no content words: it groups with the same wording only.
    private static string Key(string[] terms, string text) => terms.Length > 0 ? string.Join(' ', terms) : "\0" + Normalise(text);

    private static string Normalise(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public void Dispose()
    {
        if (_analysis.IsValueCreated)
        {
            _analysis.Value.Dispose();
        }
    }
}
