using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>Chat text is never query syntax: hostile input gives a valid answer object, never an exception.</summary>
public sealed class HostileQuestionTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    public static TheoryData<string> Hostile => new()
    {
        "AND OR NOT (((",
        "*:*",
        "\"unbalanced",
        "unbalanced\"",
        "text:MiG id:[* TO *]",
        "MiG~2 Sabre^10 /regex.*/ {a TO b}",
        "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /",
        "\\",
        "C:\\path\\to\\MiG\\\\15 \\\" \\*",
        "🛩️✈️🔥 MiG? 💥",
        "🤔🤔🤔",
        "מה קרה למטוסי המיג בקוריאה?",
        "ما هو دور الطيارين السوفييت في كوريا؟",
        "\u202Eevil RTL override MiG\u202C",
        "zero\u200Bwidth\u200Djoiners\uFEFF",
        "\uD800 lone surrogate",
        "control\u0001chars\u0007\u001B[31m",
        "line one\nline two\r\nline three",
        "MiG-15 AND (Sabre OR \"F-86",
        "NOT MiG",
        "?",
        "...",
        "------",
        "1950",
        "0000000000000000000000000000000000000000000000000000",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AnswerNow_HostileText_GivesAnsweredOrNoAnswerWithoutThrowing(string text)
    {
        var answer = fixture.Ask(text);
        Assert.Contains(answer.Status, new[] { AnswerStatus.Answered, AnswerStatus.NoAnswer });
        AssertConsistent(answer);
        Assert.Equal(text, answer.Question);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t\n  ")]
    [InlineData("\u3000")] // ideographic space
    public void AnswerNow_EmptyOrWhitespace_IsInvalidWithAMessage(string text)
    {
        var answer = fixture.Ask(text);
        Assert.Equal(AnswerStatus.Invalid, answer.Status);
        AssertConsistent(answer);
    }

    [Fact]
    public void AnswerNow_TenThousandCharacters_IsInvalidWithAMessage()
    {
        var text = string.Concat(Enumerable.Repeat("How many MiG-15s were there? ", 400))[..10_000];
        var answer = fixture.Ask(text);
        Assert.Equal(AnswerStatus.Invalid, answer.Status);
        Assert.Contains("2,000", answer.Message, StringComparison.Ordinal);
        AssertConsistent(answer);
    }

    [Fact]
    public void AnswerNow_LengthLimit_IsInclusiveAt2000()
    {
        var words = string.Concat(Enumerable.Repeat("Sabre MiG Antung Yalu ", 200));
        Assert.NotEqual(AnswerStatus.Invalid, fixture.Ask(words[..Question.MaxLength]).Status);
        Assert.Equal(AnswerStatus.Invalid, fixture.Ask(words[..(Question.MaxLength + 1)]).Status);
    }

    [Fact]
    public void AnswerNow_TwoThousandCharactersOfDistinctWords_IsSearchedNotRefused()
    {
        // Many distinct words (well past the concept cap) with a real question among them: within the length limit,
        // so it is searched (today the filler outweighs the question and nothing is cited), never refused or thrown.
        var filler = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"x{i}"));
        var text = ("How many MiG-15s did the Sabre pilots claim? " + filler)[..Question.MaxLength];
        var answer = fixture.Ask(text);
        Assert.NotEqual(AnswerStatus.Invalid, answer.Status);
        AssertConsistent(answer);
    }

    [Theory]
    [InlineData("what is the")]
    [InlineData("Who? What? When? Where? Why? How?")]
    [InlineData("is it about that which was there?")]
    public void AnswerNow_OnlyStopWords_IsNoAnswer(string text)
    {
        var answer = fixture.Ask(text);
        Assert.Equal(AnswerStatus.NoAnswer, answer.Status);
        AssertConsistent(answer);
    }

    [Fact]
    public void AnswerNow_HostileSyntaxAroundARealQuestion_StillAnswers()
    {
        var answer = fixture.Ask("((( How many MiGs did the Sabre pilots claim?! ))) *:* AND OR");
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(answer.Citations, c => c.Excerpt.Contains("792", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Answerer.AnswerAsync(Question.FromCli("MiG"), cancelled.Token));
    }

    private static void AssertConsistent(Answer answer)
    {
        if (answer.Status == AnswerStatus.Answered)
        {
            Assert.InRange(answer.Citations.Count, 1, AnswerComposer.MaxCitations);
            Assert.Null(answer.Message);
        }
        else
        {
            Assert.Empty(answer.Citations);
            Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        }

        Assert.Empty(answer.Disagreements);
        Assert.Equal(Math.Round(answer.ElapsedMs, 2), answer.ElapsedMs); // reported to the hundredth of a millisecond
    }
}
