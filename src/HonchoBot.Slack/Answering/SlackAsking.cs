using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Answering;

/// <summary>
/// Hands a mapped question to the <see cref="AskPipeline"/> with a <see cref="SlackReplySink"/>, and renders a
/// refusal as a note only the asker sees. Called after the platform has been acknowledged; never blocks.
/// </summary>
public sealed class SlackAsking(
    AskPipeline pipeline,
    SlackAnswerRenderer renderer,
    SlackReplier replier,
    SlackBackgroundSender notes,
    ILogger<SlackAsking> logger)
{
    public const string EmptyHint = "Ask me something, e.g. `how many MiGs did the Sabre pilots claim?` — or try `/honcho help`.";

    public SubmitStatus Ask(Question question, SlackReplyTarget target)
    {
        var correlationId = question.Origin.CorrelationId ?? CorrelationIds.New();
        var sink = new SlackReplySink(target, question.Origin.UserId, correlationId, renderer, replier, logger);
        var outcome = pipeline.Submit(question with { Origin = question.Origin with { CorrelationId = correlationId } }, sink);
        if (outcome.Refusal is { } refusal)
        {
            var note = outcome.Status switch
            {
                SubmitStatus.Empty => SlackMessage.Plain(EmptyHint),
                SubmitStatus.TooLong => SlackMessage.Plain(refusal.Message ?? string.Empty),
                _ => renderer.Render(Answer.Without(refusal.Question, refusal.Status, SlackAnswerRenderer.DefaultMessage(refusal.Status))),
            };
            notes.Send(target, note, isPublic: false, outcome.CorrelationId);
        }

        return outcome.Status;
    }
}
