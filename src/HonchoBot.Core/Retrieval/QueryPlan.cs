using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HonchoBot.Core.Retrieval;

/// <summary>What kind of answer the question wants; evidence of that kind earns a small bonus.</summary>
internal enum AnswerType
{
    Other,
    Quantity,
    Time,
}

/// <summary>
/// One content word of the question (after question words are dropped) with its related-term
/// alternatives and its inverse document frequency: the unit of "how much of the question is covered".
/// </summary>
internal sealed record Concept(string Term, string[][] Alternatives, double Idf)
{
    public string Prefix { get; } = TextAnalysis.PrefixOf(Term);

    /// <summary>The concept's own words (one, or several for "soviet union").</summary>
    public string[] Words { get; } = Term.Split(' ');

    /// <summary>The prefix field only helps for words long enough to have a derivation.</summary>
    public bool UsesPrefix => Term.Length > TextAnalysis.PrefixLength && !char.IsDigit(Term[0]);
}

/// <summary>A question turned into concepts and a Lucene query. Built without any query syntax parser.</summary>
internal sealed partial record QueryPlan(IReadOnlyList<Concept> Concepts, Query? Query, AnswerType Type)
{
    /// <summary>More concepts than this add noise and cost; the rarest are kept.</summary>
    public const int MaxConcepts = 24;

    private const float AlternativeBoost = 0.6f;
    private const float PrefixBoost = 0.3f;
    private const float PhraseBoost = 0.5f;

    public bool IsEmpty => Concepts.Count == 0;

    public static QueryPlan Build(string question, TextAnalysis analysis, IndexReader reader)
    {
        var tokens = analysis.AnalyzeQuery(question);
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = Math.Max(reader.NumDocs, 1);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (term, alternatives, consumed) = Expand(tokens, i, analysis);
            i += consumed - 1;
            if (!seen.Add(term))
            {
                continue;
            }

            // A multi-word concept is at most as frequent as its rarest word.
            var rarest = term.Split(' ').Min(word => reader.DocFreq(new Term(TextAnalysis.TextField, word)));
            var idf = Idf(rarest, total);
            if (alternatives.Length == 0 && IsTypoCandidate(term) && rarest == 0)
            {
                alternatives = SpellingNeighbours(term, reader);
            }

            concepts.Add(new Concept(term, alternatives, idf));
        }

        if (concepts.Count > MaxConcepts)
        {
            var keep = concepts.OrderByDescending(c => c.Idf).ThenBy(c => c.Term, StringComparer.Ordinal).Take(MaxConcepts).ToHashSet();
            concepts = concepts.Where(keep.Contains).ToList();
        }

        return new QueryPlan(concepts, BuildQuery(concepts, reader, total), Classify(question));
    }

    /// <summary>Chat has typos: only words the library has never seen, long enough to misspell, not figures.</summary>
    private static bool IsTypoCandidate(string term) =>
        term.Length >= MinTypoLength && !term.Contains(' ', StringComparison.Ordinal) && !term.Any(char.IsDigit);

    private const int MinTypoLength = 5;
    private const int MaxSpellingNeighbours = 3;

    /// <summary>
    /// Indexed terms one edit away (two for long words), first letter kept (lucene-notes.md §4.3: fuzzy only for
    /// terms with document frequency 0; prefix shorter than the term, bug #941). They become the concept's
    /// alternatives, so they count for coverage at an alternative's weight, never as an exact match.
    /// </summary>
    private static string[][] SpellingNeighbours(string term, IndexReader reader)
    {
        var fuzzy = new FuzzyQuery(new Term(TextAnalysis.TextField, term), term.Length >= 8 ? 2 : 1, prefixLength: 1);
        if (fuzzy.Rewrite(reader) is not BooleanQuery rewritten)
        {
            return [];
        }

        return rewritten.Clauses
            .Select(c => c.Query)
            .OfType<TermQuery>()
            .OrderByDescending(q => q.Boost)
            .ThenBy(q => q.Term.Text, StringComparer.Ordinal)
            .Take(MaxSpellingNeighbours)
            .Select(q => new[] { q.Term.Text })
            .ToArray();
    }

    /// <summary>BM25's idf: ln(1 + (N − df + 0.5) / (df + 0.5)).</summary>
    public static double Idf(int docFreq, int docCount) => Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    private static (string Term, string[][] Alternatives, int Consumed) Expand(List<AnalyzedToken> tokens, int i, TextAnalysis analysis)
    {
        if (analysis.Related.TryGetValue(tokens[i].Term, out var entries))
        {
            foreach (var entry in entries)
            {
                if (i + entry.Words.Length <= tokens.Count && entry.Words.Select((w, k) => tokens[i + k].Term == w).All(x => x))
                {
                    // A multi-word member ("soviet union") becomes one concept named by its words.
                    return (string.Join(' ', entry.Words), entry.Alternatives, entry.Words.Length);
                }
            }
        }

        return (tokens[i].Term, [], 1);
    }

    /// <summary>
    /// Alternatives, prefixes and phrases over terms in more than this share of passages cost much and
    /// rank little (lucene-notes.md §4.2, §5.1); they still count for coverage in the re-rank.
    /// </summary>
    private const double CommonTermShare = 0.05;

    private static BooleanQuery? BuildQuery(IReadOnlyList<Concept> concepts, IndexReader reader, int total)
    {
        var commonAbove = Math.Max(50, (int)(total * CommonTermShare));
        bool IsRare(string field, string term) => reader.DocFreq(new Term(field, term)) <= commonAbove;

        if (concepts.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in concepts)
        {
            var clause = new BooleanQuery(disableCoord: true);
            clause.Add(Words(concept.Term.Split(' '), 1f), Occur.SHOULD);
            foreach (var alternative in concept.Alternatives.Where(a => a.All(w => IsRare(TextAnalysis.TextField, w))))
            {
                clause.Add(Words(alternative, AlternativeBoost), Occur.SHOULD);
            }

            if (concept.UsesPrefix && !concept.Term.Contains(' ', StringComparison.Ordinal) && IsRare(TextAnalysis.PrefixField, concept.Prefix))
            {
                clause.Add(new TermQuery(new Term(TextAnalysis.PrefixField, concept.Prefix)) { Boost = PrefixBoost }, Occur.SHOULD);
            }

            query.Add(clause, Occur.SHOULD);
        }

        // Proximity bonus for the question's words appearing together (not over common words: they were dropped).
        var single = concepts.Where(c => !c.Term.Contains(' ', StringComparison.Ordinal)).ToList();
        // A concept's idf already encodes its document frequency: common means below the threshold's idf.
        var commonIdf = Idf(commonAbove, total);
        if (!single.TrueForAll(c => c.Idf >= commonIdf))
        {
            return query;
        }

        if (single.Count is >= 2 and <= 6)
        {
            var phrase = new PhraseQuery { Slop = single.Count + 3, Boost = PhraseBoost };
            foreach (var concept in single)
            {
                phrase.Add(new Term(TextAnalysis.TextField, concept.Term));
            }

            query.Add(phrase, Occur.SHOULD);
        }

        return query;
    }

    private static Query Words(string[] words, float boost)
    {
        if (words.Length == 1)
        {
            return new TermQuery(new Term(TextAnalysis.TextField, words[0])) { Boost = boost };
        }

        var phrase = new PhraseQuery { Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(TextAnalysis.TextField, word));
        }

        return phrase;
    }

    private static AnswerType Classify(string question) =>
        QuantityCue().IsMatch(question) ? AnswerType.Quantity
        : TimeCue().IsMatch(question) ? AnswerType.Time
        : AnswerType.Other;

    [GeneratedRegex(@"\b(how\s+(many|much|large|big|often)|what\s+(number|percentage|share|proportion)|number\s+of|total)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityCue();

    [GeneratedRegex(@"\b(when|what\s+(year|date|month|day)|which\s+(year|date|month)|how\s+long)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeCue();
}
