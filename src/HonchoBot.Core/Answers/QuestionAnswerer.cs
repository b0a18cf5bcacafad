using HonchoBot.Core.Claims;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Answers;

/// <summary>
/// Answers one question: check it (<see cref="QuestionRules"/>), search the question's community, compose the
/// answer. Chat questions reach it through <see cref="Pipeline.AskPipeline"/>; the command line calls it directly.
/// Expected outcomes are statuses; only cancellation throws.
/// </summary>
public sealed class QuestionAnswerer(
    IndexHost indexHost,
    ISourceVisibility visibility,
    TimeProvider time,
    IDisagreementFinder disagreements,
    HonchoMetrics? metrics = null,
    IOptions<CitationLinkOptions>? links = null) : IQuestionAnswerer
{
    public const string NotReadyMessage = "I am still reading my sources. Try again in a few seconds.";

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var answer = AnswerNow(question);
        metrics?.RecordAnswer(question.Origin.Platform, answer);
        return Task.FromResult(answer);
    }

    /// <summary>The synchronous core of <see cref="AnswerAsync"/> (Lucene search is CPU-bound).</summary>
    public Answer AnswerNow(Question question)
    {
        var started = time.GetTimestamp();
        var text = question.Text ?? string.Empty;
        if (QuestionRules.Check(text, Elapsed()) is { } invalid)
        {
            return invalid;
        }

        if (indexHost.Current is not { } index)
        {
            return Answer.Without(text, AnswerStatus.NotReady, NotReadyMessage, Elapsed());
        }

        var scope = new SearchScope(question.Origin.CommunityId, visibility.HiddenIn(question.Origin.CommunityId));
        var wantsDisagreements = question.Mode == QuestionMode.Ask;
        var normalized = TextNormalizer.Normalize(text);
        var semantic = indexHost.Semantic;
        var result = new PassageSearcher(index, semantic).Search(normalized, scope, semantic.EmbedQuestion(normalized), otherSources: wantsDisagreements);
        var answer = CitationLinks.Apply(AnswerComposer.Compose(text, question.Mode, result, 0, disagreements), links?.Value.PublicBaseUrl);
        return answer with { ElapsedMs = Elapsed() };

        double Elapsed() => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2);
    }
}
