using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// The one analysis chain for index and query (docs/index-design.md): designators joined by a char
/// filter (MiG-15, Mig 15 → mig15), standard tokenizer, possessives, homoglyph fold, lowercase,
/// ASCII folding, Porter stemming, then canonical synonyms. Queries also drop question words before
/// stemming. A prefix field (first five letters of each stem) bridges derivations the stemmer misses
/// (secret/secrecy, Japan/Japanese).
/// </summary>
internal sealed partial class TextAnalysis : IDisposable
{
    /// <summary>Bump when the chain changes: the index records it and rebuilds on a mismatch.</summary>
    public const string ChainVersion = "chain-5";

    public const string TextField = "text";
    public const string PrefixField = "text_prefix";
    public const int PrefixLength = 5;

    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly ChainAnalyzer _base;
    private readonly ChainAnalyzer _text;

    public TextAnalysis(SynonymList synonyms)
        : this(synonyms, luceneSynonymFilter: false)
    {
    }

    /// <param name="luceneSynonymFilter">
    /// Apply canonical spellings with Lucene's synonym filter even where <see cref="CanonicalSynonymFilter"/> can:
    /// the reference the tests hold our filter to.
    /// </param>
    internal TextAnalysis(SynonymList synonyms, bool luceneSynonymFilter)
    {
        Synonyms = synonyms;
        _base = new ChainAnalyzer(stopWords: null, synonyms: null);
        var canonical = BuildCanonical(synonyms, luceneSynonymFilter);
        _text = new ChainAnalyzer(null, canonical, stackFamilies: true);
        Query = new ChainAnalyzer(LoadStopWords(), canonical);
        Related = BuildRelated(synonyms);
        Version_ = $"{ChainVersion}:{synonyms.Hash}";
    }

    /// <summary>The synonym list this chain was built from.</summary>
    public SynonymList Synonyms { get; }

    /// <summary>
    /// The index chain. Passages are analysed with it once (<see cref="AnalyzeText"/>) and arrive at the writer
    /// as token lists for both indexed fields; the writer is configured with it all the same.
    /// </summary>
    public Analyzer Index => _text;

    /// <summary>The <see cref="TextField"/> chain plus the question-word stop list.</summary>
    public Analyzer Query { get; }

    /// <summary>Related-term expansions keyed by the analysed first token of each member.</summary>
    public FrozenDictionary<string, RelatedTerm[]> Related { get; }

    /// <summary>Chain version and synonym hash, recorded in the index commit data.</summary>
    public string Version_ { get; }

    /// <summary>Analyses text with the index chain of <see cref="TextField"/> into terms with offsets.</summary>
    public List<AnalyzedToken> AnalyzeText(string text) => Analyze(_text, TextField, text);

    /// <summary>Analyses a question: stop words removed, canonical synonyms applied.</summary>
    public List<AnalyzedToken> AnalyzeQuery(string text) => Analyze(Query, TextField, text);

    /// <summary>The prefix-field form of an analysed term.</summary>
    public static string PrefixOf(string term) => term.Length <= PrefixLength ? term : term[..PrefixLength];

    internal static List<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        // About one token per six characters of English text: one allocation instead of growing from four.
        var tokens = new List<AnalyzedToken>((text.Length / 5) + 4);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// The canonical-spelling rules, analysed: for the filter of our own when every spelling has one canonical
    /// word, else (a list edited to need more) as a map for Lucene's synonym filter.
    /// </summary>
    private Canonical? BuildCanonical(SynonymList synonyms, bool luceneSynonymFilter)
    {
        var rules = new List<(string[] Words, string[] Canonical)>();
        foreach (var group in synonyms.Canonical)
        {
            var target = AnalyzeWords(group[0]);
            foreach (var variant in group.Skip(1))
            {
                var words = AnalyzeWords(variant);
                if (words.Length > 0 && target.Length > 0 && !words.SequenceEqual(target, StringComparer.Ordinal))
                {
                    rules.Add((words, target));
                }
            }
        }

        if (rules.Count == 0)
        {
            return null;
        }

        if (!luceneSynonymFilter && CanonicalSpellings.TryCreate(rules) is { } spellings)
        {
            return new Canonical(spellings, null);
        }

        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var (words, target) in rules)
        {
            builder.Add(Join(words), Join(target), includeOrig: false);
        }

        return new Canonical(null, builder.Build());

        static CharsRef Join(string[] words) => SynonymMap.Builder.Join(words, new CharsRef());
    }

    /// <summary>Canonical spellings for one of the two filters that apply them.</summary>
    private sealed record Canonical(CanonicalSpellings? Spellings, SynonymMap? Map);

    private FrozenDictionary<string, RelatedTerm[]> BuildRelated(SynonymList synonyms)
    {
        var byFirst = new Dictionary<string, List<RelatedTerm>>(StringComparer.Ordinal);
        foreach (var group in synonyms.Related)
        {
            var members = group.Select(m => AnalyzeText(m).Select(t => t.Term).ToArray()).Where(m => m.Length > 0).ToList();
            foreach (var member in members)
            {
                var alternatives = members.Where(o => !o.SequenceEqual(member)).ToArray();
                if (!byFirst.TryGetValue(member[0], out var list))
                {
                    byFirst[member[0]] = list = [];
                }

                list.Add(new RelatedTerm(member, alternatives));
            }
        }

        // Longest match first, so "soviet union" wins over "soviet".
        return byFirst.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(r => r.Words.Length).ToArray(),
            StringComparer.Ordinal);
    }

    private string[] AnalyzeWords(string phrase) => Analyze(_base, TextField, phrase).Select(t => t.Term).ToArray();

    private static CharArraySet LoadStopWords()
    {
        var words = SynonymList.ReadResource("HonchoBot.Core.Retrieval.query-stopwords.txt")
            .Split('\n')
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new CharArraySet(Version, words.ToList(), ignoreCase: true);
    }

    public void Dispose()
    {
        _base.Dispose();
        _text.Dispose();
        Query.Dispose();
    }

    /// <summary>
    /// Aircraft designators (joined by <see cref="DesignatorJoinFilter"/>): a family prefix, an optional dash or space, then 1–3 digits. Prefixes that are
    /// also ordinary words (An, La, Mi) join only across a dash: "an 18-year-old" stays two words.
    /// </summary>
    [GeneratedRegex(@"\b(?:(MiG|F|B|RB|Tu|Il|Yak|P|Su|T)[\s\-\u2010\u2011\u2012\u2013]?|(An|La|Mi)[\-\u2010\u2011\u2012\u2013])(\d{1,3})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Designator();

    private sealed class ChainAnalyzer(CharArraySet? stopWords, Canonical? synonyms, bool stackFamilies = false) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
            TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
            stream = new HomoglyphFoldFilter(stream);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (stopWords is not null)
            {
                stream = new StopFilter(Version, stream, stopWords);
            }

            stream = new PorterStemFilter(stream);
            // After the stemmer, parsed with the same chain: "Sabres" fires "sabre" (docs/index-design.md).
            if (synonyms?.Spellings is { } spellings)
            {
                stream = new CanonicalSynonymFilter(stream, spellings);
            }
            else if (synonyms?.Map is { } map)
            {
                stream = new SynonymFilter(stream, map, ignoreCase: false);
            }

            if (stackFamilies)
            {
                stream = new DesignatorFamilyFilter(stream);
            }

            return new TokenStreamComponents(tokenizer, stream);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            new DesignatorJoinFilter(reader, Designator());
    }
}

/// <summary>A token of analysed text with its offsets into the original and its position.</summary>
internal readonly record struct AnalyzedToken(string Term, int Start, int End, int Position);

/// <summary>A related-terms entry: these analysed words may also be searched as any of the alternatives.</summary>
internal sealed record RelatedTerm(string[] Words, string[][] Alternatives);
