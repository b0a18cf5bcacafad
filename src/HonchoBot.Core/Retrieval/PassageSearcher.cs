using HonchoBot.Core.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Finds and ranks evidence for a question. Lexically: a BM25 top-k over concept clauses, re-ranked by how
/// much of the question each candidate covers. With a question vector (hybrid): also the passages nearest
/// in meaning over the whole library, not just BM25's hits, and every candidate's sentences scored by
/// meaning and words together (<see cref="HybridRanking"/>). Searches run on the caller's thread (Lucene.Net
/// search is synchronous and CPU-bound; a thread-pool thread blocked on it starves the pool).
/// </summary>
/// <param name="semantic">The dense layer; null searches lexically only.</param>
public sealed class PassageSearcher(PassageIndex index, SemanticIndex? semantic = null)
{
    /// <summary>Candidates re-ranked per question.</summary>
    public const int DefaultCandidates = 10;

    /// <summary>BM25 candidates of a hybrid search: more, since meaning re-ranks them.</summary>
    public const int HybridLexicalCandidates = 20;

    /// <summary>Candidates found by meaning in a hybrid search.</summary>
    public const int DenseCandidates = 20;

    private const double CoverageWeight = 0.3;
    private const double Bm25Weight = 0.2;
    private const double SentenceWeight = 0.5;

    /// <summary>Extra candidates from sources missing in the top results (disagreement evidence).</summary>
    public const int OtherSourceCandidates = 3;

    /// <summary>Extra candidates that carry claims (disagreement evidence from any source).</summary>
    public const int ClaimCandidates = 8;

    /// <summary>How much deeper than the candidates the search looks for other sources.</summary>
    private const int OtherSourceDepth = 3;

    /// <summary>
    /// Finds and ranks candidates. With <paramref name="otherSources"/> the search goes three times deeper
    /// and adds the best passages of sources the top results do not include, and passages that carry
    /// claims, so a disagreement between sources can be seen even when one source dominates the ranking.
    /// </summary>
    public SearchResult Search(string question, SearchScope scope, QuantizedVector? questionVector = null, int candidates = DefaultCandidates, bool otherSources = false)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var plan = QueryPlan.Build(question, index.Analysis, searcher.IndexReader);
            if (plan.Query is null)
            {
                return new SearchResult([], 0, [], 0);
            }

            var hybrid = questionVector is not null && semantic is not null;
            if (hybrid)
            {
                candidates = Math.Max(candidates, HybridLexicalCandidates);
            }

            // With otherSources, one deeper search: the top candidates, then from the rest the disagreement
            // evidence (other sources' best hits, claim-bearing passages): no second query, no exclusion filter.
            var depth = otherSources ? candidates * OtherSourceDepth : candidates;
            var filter = ScopeFilter(scope, index.HasCommunitySources);
            var top = searcher.Search(plan.Query, filter, depth);
            var maxBm25 = top.ScoreDocs.Length == 0 ? 1 : top.ScoreDocs.Max(d => d.Score);
            var evidence = top.ScoreDocs.Take(candidates).Select(hit => Judge(searcher, plan, hit, maxBm25)).ToList();
            if (otherSources && top.ScoreDocs.Length > candidates)
            {
                var seen = evidence.Select(e => e.Source.Id).ToHashSet(StringComparer.Ordinal);
                evidence.AddRange(DisagreementEvidence(searcher, seen, top.ScoreDocs.Skip(candidates)).Select(hit => Judge(searcher, plan, hit, maxBm25)));
            }

            if (hybrid)
            {
                evidence = AddMeaning(searcher, plan, scope, filter, questionVector!.Value, evidence);
            }

            if (evidence.Count == 0)
            {
                return new SearchResult([], plan.Concepts.Count, plan.UnknownTerms, plan.UnknownShare);
            }

            // Ties break by passage id: the same index state and question give the same answer.
            evidence.Sort((a, b) =>
            {
                var byRank = b.Rank.CompareTo(a.Rank);
                return byRank != 0 ? byRank : string.CompareOrdinal(a.Passage.Id, b.Passage.Id);
            });
            return new SearchResult(evidence, plan.Concepts.Count, plan.UnknownTerms, plan.UnknownShare, hybrid ? semantic!.Relevance : null);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Adds the passages nearest in meaning that BM25 missed, attaches every candidate's cosines and fuses
    /// the two kinds of evidence. A candidate whose vectors are not made yet keeps its lexical scores.
    /// </summary>
    private List<Evidence> AddMeaning(IndexSearcher searcher, QueryPlan plan, SearchScope scope, Filter? filter, QuantizedVector question, List<Evidence> lexical)
    {
        var seen = lexical.Select(e => e.Passage.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var hit in semantic!.Search(question, scope, DenseCandidates))
        {
            if (seen.Add(hit.PassageId))
            {
                var found = searcher.Search(new TermQuery(new Term(PassageDocuments.IdField, hit.PassageId)), filter, 1);
                if (found.ScoreDocs.Length == 1)
                {
                    lexical.Add(Judge(searcher, plan, new ScoreDoc(found.ScoreDocs[0].Doc, 0), 1));
                }
            }
        }

        var withMeaning = new List<Evidence>(lexical.Count);
        foreach (var candidate in lexical)
        {
            var key = PassageVectorKey.Of(candidate.Passage.Text);
            if (semantic.TryGetVectors(key, out var vectors) && vectors.Sentences.Count == candidate.Sentences.Count)
            {
                var cosines = vectors.Sentences.Select(v => (double)question.Dot(v)).ToArray();
                withMeaning.Add(candidate with { Dense = new DenseEvidence(question.Dot(vectors.Passage), cosines) });
            }
            else
            {
                withMeaning.Add(candidate);
            }
        }

        return HybridRanking.Fuse(withMeaning);
    }

    /// <summary>Plain BM25 top-k with the same analysis (the benchmark's baseline).</summary>
    public int SearchBaseline(string question, int k)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var builder = new QueryBuilder(index.Analysis.Query);
            var query = builder.CreateBooleanQuery(TextAnalysis.TextField, question, Occur.SHOULD);
            if (query is null)
            {
                return 0;
            }

            var top = searcher.Search(query, k);
            foreach (var hit in top.ScoreDocs)
            {
                _ = searcher.Doc(hit.Doc);
            }

            return top.ScoreDocs.Length;
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>Scores one hit against the question: coverage, best sentence and the re-rank score.</summary>
    private Evidence Judge(IndexSearcher searcher, QueryPlan plan, ScoreDoc hit, float maxBm25)
    {
        var document = searcher.Doc(hit.Doc);
        var passage = PassageDocuments.ReadPassage(document);
        var source = PassageDocuments.ReadSource(document.Get(PassageDocuments.SourceField, System.Globalization.CultureInfo.InvariantCulture));
        var (coverage, matched, sentenceScores, sentences, sentenceCoverage) = EvidenceScorer.Score(plan, passage, index.Analysis);
        var best = 0;
        for (var s = 1; s < sentenceScores.Length; s++)
        {
            if (sentenceScores[s] > sentenceScores[best])
            {
                best = s;
            }
        }

        var rank = (CoverageWeight * coverage) + (Bm25Weight * hit.Score / maxBm25) + (SentenceWeight * sentenceCoverage);
        return new Evidence(
            passage,
            source,
            document.Get(PassageDocuments.ClaimsField, System.Globalization.CultureInfo.InvariantCulture),
            hit.Score,
            coverage,
            matched,
            sentences.Count == 0 ? (0, passage.Text.Length) : sentences[best],
            sentences,
            sentenceScores,
            rank);
    }

    /// <summary>
    /// From the hits below the top candidates: the best of each source the top does not include, and the
    /// passages that carry claims — a disagreement's other side may be worded unlike the question.
    /// </summary>
    private static List<ScoreDoc> DisagreementEvidence(IndexSearcher searcher, HashSet<string> seen, IEnumerable<ScoreDoc> deeper)
    {
        var extra = new List<ScoreDoc>();
        int otherSources = 0, withClaims = 0;
        foreach (var hit in deeper)
        {
            var fields = searcher.Doc(hit.Doc, SourceAndClaims);
            if (seen.Add(fields.Get(PassageDocuments.SourceIdField, System.Globalization.CultureInfo.InvariantCulture)) && otherSources < OtherSourceCandidates)
            {
                otherSources++;
                extra.Add(hit);
            }
            else if (fields.GetField(PassageDocuments.ClaimsField) is not null && withClaims < ClaimCandidates)
            {
                withClaims++;
                extra.Add(hit);
            }
        }

        return extra;
    }

    private static readonly ISet<string> SourceAndClaims = new HashSet<string>(StringComparer.Ordinal) { PassageDocuments.SourceIdField, PassageDocuments.ClaimsField };

    private static Filter? ScopeFilter(SearchScope scope, bool hasCommunitySources)
    {
        if (scope.CommunityId is null && scope.HiddenSourceIds.Count == 0)
        {
            // Everything is global until a community adds a source: no filter to pay for.
            return !hasCommunitySources ? null : new QueryWrapperFilter(new TermQuery(new Term(PassageDocuments.CommunityField, PassageDocuments.GlobalCommunity)));
        }

        var visible = new BooleanQuery
        {
            { new TermQuery(new Term(PassageDocuments.CommunityField, PassageDocuments.GlobalCommunity)), Occur.SHOULD },
        };
        if (scope.CommunityId is not null)
        {
            visible.Add(new TermQuery(new Term(PassageDocuments.CommunityField, scope.CommunityId)), Occur.SHOULD);
        }

        var filter = new BooleanQuery { { visible, Occur.MUST } };
        foreach (var hidden in scope.HiddenSourceIds)
        {
            filter.Add(new TermQuery(new Term(PassageDocuments.SourceIdField, hidden)), Occur.MUST_NOT);
        }

        return new QueryWrapperFilter(filter);
    }
}
