using HonchoBot.Core.Answers;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Tests.Corpus;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>Excerpts in real answers are whole sentences copied verbatim from the stored passage text.</summary>
public sealed class ExcerptTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    private static readonly Lazy<Dictionary<string, Passage>> Passages = new(() =>
        TestCorpus.LoadFixture().Documents.SelectMany(PassageChunker.Chunk).ToDictionary(p => p.Id, StringComparer.Ordinal));

    public static TheoryData<string> Questions => new()
    {
        "What did American pilots call the skilled MiG-15 pilots?",
        "How many MiGs did the Sabre pilots claim?",
        "How many planes did the Soviet Airforce lose?",
        "Where were the Soviet pilots buried?",
        "When did the first MiG-15 patrols begin?",
        "What aircraft did the North Korean Air Force have at the start of the war?",
        "How many Soviet personnel served in Korea?",
        "Which air bases in Manchuria were used?",
        "Why did both sides keep the Soviet role secret?",
        "Who took the photos of the graves?",
        "Lee Matz",
        "Stalin’s MiG-15 regiments at Andong",
        "What does hanchō (班長) mean?",
        "Did Stalin approve the invasion of South Korea?",
        "Soviet Red Airforce divisions",
        "border incidents before the war",
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Ask_AnsweredQuestion_ExcerptsAreVerbatimSubstringsOfTheStoredPassage(string question)
    {
        var answer = fixture.Ask(question);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.InRange(answer.Citations.Count, 1, AnswerComposer.MaxCitations);
        foreach (var citation in answer.Citations)
        {
            Assert.True(Passages.Value.TryGetValue(citation.PassageId, out var passage), $"unknown passage {citation.PassageId}");
            var excerpt = citation.Excerpt;
            var at = passage.Text.IndexOf(excerpt, StringComparison.Ordinal);
            Assert.True(at >= 0, $"[{citation.N}] '{excerpt}' is not in {citation.PassageId}");
            Assert.Equal(excerpt.Trim(), excerpt);
            Assert.Equal(passage.LocationAt(at), citation.Location);
            Assert.Equal(passage.SourceId, citation.SourceId);
        }
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Ask_AnsweredQuestion_ExcerptsAreWholeSentencesWithinTheLengthRules(string question)
    {
        foreach (var citation in fixture.Ask(question).Citations)
        {
            var passage = Passages.Value[citation.PassageId];
            var sentences = passage.Sentences();
            var at = passage.Text.IndexOf(citation.Excerpt, StringComparison.Ordinal);
            Assert.Contains(sentences, s => s.Start == at);
            var end = at + citation.Excerpt.Length;
            var isWhole = sentences.Any(s => s.Start + s.Length == end);
            var isSingleSentence = sentences.Any(s => s.Start == at && s.Length == citation.Excerpt.Length);
            Assert.True(isWhole, $"[{citation.N}] '{citation.Excerpt}' does not end at a sentence end");
            Assert.True(citation.Excerpt.Length <= ExcerptBuilder.MaxLength || (isSingleSentence && citation.Excerpt.Length <= ExcerptBuilder.MaxSingleSentence), $"[{citation.N}] {citation.Excerpt.Length} characters");
        }
    }

    [Fact]
    public void Ask_Excerpts_QuoteTheStoredFormNotTheFoldedForm()
    {
        // The question is folded (Andong → antung, Lüshun, curly apostrophe); the excerpt keeps the source's spelling.
        var answer = fixture.Ask("Andong air base, the largest Chinese facility");
        var citation = answer.Citations.First(c => c.Excerpt.Contains("largest Chinese facility", StringComparison.Ordinal));
        Assert.Contains("Antung", citation.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("antung", citation.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_QuestionInLatinAboutTheCyrillicByline_QuotesTheBylineVerbatim()
    {
        var answer = fixture.Ask("Lee Matz");
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(answer.Citations, c => c.Excerpt.Contains("L\u0435\u0435 M\u0430tz", StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_FactMode_GivesTheSingleBestCitation()
    {
        var full = fixture.Ask("Where were the Soviet pilots buried?");
        var fact = fixture.Answerer.AnswerNow(new Question("Where were the Soviet pilots buried?", QuestionOrigin.Cli, QuestionMode.Fact));
        Assert.True(full.Citations.Count > 1);
        var only = Assert.Single(fact.Citations);
        Assert.Equal(full.Citations[0] with { N = 1 }, only);
    }

    [Fact]
    public void Ask_Citations_AreNumberedFromOneWithDistinctPassages()
    {
        var answer = fixture.Ask("Where were the Soviet pilots buried?");
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.PassageId).Distinct().Count());
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Excerpt).Distinct().Count());
    }

    [Fact]
    public void Ask_Citation_CarriesTheSourceMetadata()
    {
        var answer = fixture.Ask("How many planes did the Soviet Airforce lose?");
        var sangha = answer.Citations.First(c => c.SourceId == TestCorpus.SanghaId);
        Assert.Equal("Soviet Casualties During the Korean War (1950-1953)", sangha.Title);
        Assert.Equal("The Sangha Kommune", sangha.Publisher);
        Assert.Equal("2017-01-20", sangha.Published);
        Assert.Equal("https://thesanghakommune.org/2017/01/20/soviet-casualties-during-the-korean-war-1950-1953/", sangha.Url);
        Assert.Contains("lost 335 planes", sangha.Excerpt, StringComparison.Ordinal);
        Assert.True(sangha.Score > 0);
    }
}
