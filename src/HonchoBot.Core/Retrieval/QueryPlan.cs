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
/// <param name="Surface">The words as the question wrote them.</param>
/// <param name="IsUnknownName">The library has never seen it (nor a variant spelling), and it is not ordinary English.</param>
internal sealed record Concept(string Term, string[][] Alternatives, double Idf, string Surface = "", bool IsUnknownName = false)
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
    /// <summary>The question's names the library knows nothing about (see <see cref="Concept.IsUnknownName"/>).</summary>
    public IReadOnlyList<string> UnknownTerms => [.. Concepts.Where(c => c.IsUnknownName).Select(c => c.Surface)];

    /// <summary>Their idf-weighted share of the question: how much of it the library cannot speak to at all.</summary>
    public double UnknownShare
    {
        get
        {
            var total = Concepts.Sum(c => c.Idf);
            return total <= 0 ? 0 : Concepts.Where(c => c.IsUnknownName).Sum(c => c.Idf) / total;
        }
    }

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
            var surface = question[tokens[i].Start..tokens[i + consumed - 1].End];
            i += consumed - 1;
            if (!seen.Add(term))
            {
                continue;
            }

            // A multi-word concept is at most as frequent as its rarest word.
            var rarest = term.Split(' ').Min(word => reader.DocFreq(new Term(TextAnalysis.TextField, word)));
            var idf = Idf(rarest, total);
            var isName = !CommonWords.IsCommon(surface);
            if (alternatives.Length == 0 && rarest == 0 && IsTypoCandidate(term, isName))
            {
                alternatives = SpellingNeighbours(term, reader, isName);
            }

            var isUnknown = rarest == 0 && alternatives.All(a => a.Any(word => reader.DocFreq(new Term(TextAnalysis.TextField, word)) == 0));
            concepts.Add(new Concept(term, alternatives, idf, surface, isUnknown && isName));
        }

        if (concepts.Count > MaxConcepts)
        {
            var keep = concepts.OrderByDescending(c => c.Idf).ThenBy(c => c.Term, StringComparer.Ordinal).Take(MaxConcepts).ToHashSet();
            concepts = concepts.Where(keep.Contains).ToList();
        }

        return new QueryPlan(concepts, BuildQuery(concepts, reader, total), Classify(question));
    }

    /// <summary>
    /// Chat has typos: only words the library has never seen, long enough to misspell, not figures. Names
    /// are also spelt differently by different sources (Kum-Sok, Kum-Suk), so shorter names qualify too.
    /// </summary>
    private static bool IsTypoCandidate(string term, bool isName) =>
        term.Length >= (isName ? MinNameVariantLength : MinTypoLength) && !term.Contains(' ', StringComparison.Ordinal) && !term.Any(char.IsDigit);

    private const int MinTypoLength = 5;
    private const int MinNameVariantLength = 3;
    private const int MaxSpellingNeighbours = 3;

    /// <summary>
    /// Indexed terms one edit away (two for long words), first letter kept (docs/index-design.md: fuzzy only for
    /// terms with document frequency 0; prefix shorter than the term, bug #941). They become the concept's
    /// alternatives, so they count for coverage at an alternative's weight, never as an exact match.
    /// </summary>
    /// <remarks>
    /// A name's variant is another name: for a word that is not ordinary English, neighbours that are
    /// ordinary words ("raf" → "rat") are not variants of it. Short names get one edit only.
    /// </remarks>
    private static string[][] SpellingNeighbours(string term, IndexReader reader, bool isName)
    {
        var edits = term.Length >= 8 ? 2 : 1;
        var fuzzy = new FuzzyQuery(new Term(TextAnalysis.TextField, term), edits, prefixLength: 1);
        if (fuzzy.Rewrite(reader) is not BooleanQuery rewritten)
        {
            return [];
        }

        return rewritten.Clauses
            .Select(c => c.Query)
            .OfType<TermQuery>()
            .Where(q => !isName || term.Length >= MinTypoLength || !CommonWords.IsCommon(q.Term.Text))
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
    /// rank little (docs/performance.md); they still count for coverage in the re-rank.
    /// </summary>
    private const double CommonTermShare = 0.05;

    /// <summary>
    /// A concept in more than this share of passages (and more than <see cref="VeryCommonMinimum"/> of them)
    /// ranks almost nothing with BM25 but costs the most: scoring walks its whole postings list.
    /// </summary>
    private const double VeryCommonShare = 0.1;

    private const int VeryCommonMinimum = 1000;

    /// <summary>At most this many concepts are searched when every one of them is very common.</summary>
    private const int MaxVeryCommonSearched = 2;

    /// <summary>
    /// The concepts the BM25 query searches: in a large library, very common concepts are left out when the
    /// question has rarer ones, and only the rarest two are searched when it has none. The re-rank still
    /// counts every concept for coverage, so this caps the work per question, not what counts as an answer.
    /// </summary>
    private static IEnumerable<Concept> Searched(IReadOnlyList<Concept> concepts, int total)
    {
        var veryCommonIdf = Idf(Math.Max(VeryCommonMinimum, (int)(total * VeryCommonShare)), total);
        var rarer = concepts.Where(c => c.Idf > veryCommonIdf).ToList();
        return rarer.Count > 0
            ? rarer
            : concepts.OrderByDescending(c => c.Idf).ThenBy(c => c.Term, StringComparer.Ordinal).Take(MaxVeryCommonSearched);
    }

    private static BooleanQuery? BuildQuery(IReadOnlyList<Concept> concepts, IndexReader reader, int total)
    {
        var commonAbove = Math.Max(50, (int)(total * CommonTermShare));
        bool IsRare(string field, string term) => reader.DocFreq(new Term(field, term)) <= commonAbove;

        if (concepts.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in Searched(concepts, total))
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
