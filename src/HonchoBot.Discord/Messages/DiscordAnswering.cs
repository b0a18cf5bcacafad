using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Messages;

/// <summary>
/// The one answering path for mentions, DMs, <c>/ask</c> and <c>/fact</c> (STYLE.md, "One pipeline"):
/// rate-limit, enqueue, acknowledge; the queued work answers in its own DI scope, renders and sends.
/// Nothing here awaits answering on the caller's thread.
/// </summary>
internal sealed partial class DiscordAnswering(
    IQuestionQueue queue,
    IChatRateLimiter rateLimiter,
    IDiscordRestClient rest,
    DiscordAnswerRenderer renderer,
    TimeProvider time,
    ILogger<DiscordAnswering> logger)
{
    /// <summary>Interaction tokens live 15 minutes (protocols.md 1a, "Deadlines"); leave a margin.</summary>
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(14);

    /// <summary>How long queued work waits for the initial response to reach Discord before PATCHing.</summary>
    private static readonly TimeSpan AckWait = TimeSpan.FromSeconds(10);

    public const string EmptyMentionHint = "Ask me a question after the mention — e.g. `@HonchoBot how many MiG-15s were lost?` — or use `/ask`.";

    /// <summary>Answers a mention or DM as a reply to it, without pinging anyone (protocols.md 1c, "Reply to a mention").</summary>
    public async Task HandleMessageAsync(GatewayMessage message, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            await ReplyAsync(message, DiscordMessage.Text(EmptyMentionHint), cancellationToken);
            return;
        }

        var correlationId = DiscordQuestionMapper.NewCorrelationId();
        var question = DiscordQuestionMapper.FromMessage(message, text, correlationId);
        if (!rateLimiter.TryAcquire(question.Origin))
        {
            await ReplyAsync(message, DiscordMessage.Text(DiscordAnswerRenderer.StatusText(AnswerStatus.RateLimited, null)), cancellationToken);
            return;
        }

        var work = new QueuedWork(
            "discord message",
            correlationId,
            async (services, ct) =>
            {
                var answer = await AnswerSafelyAsync(services, question, ct);
                await ReplyAsync(message, renderer.Render(answer, askerId: message.AuthorId), ct);
            },
            ct => ReplyAsync(message, DiscordMessage.Text("I'm restarting — please ask again in a minute."), ct));
        if (!queue.TryEnqueue(work))
        {
            LogBusy(logger, correlationId);
            await ReplyAsync(message, DiscordMessage.Text(DiscordAnswerRenderer.StatusText(AnswerStatus.Busy, null)), cancellationToken);
        }
    }

    /// <summary>
    /// <c>/ask</c> and <c>/fact</c>: returns the initial response (defer, or an ephemeral refusal) at once;
    /// the queued work waits for <paramref name="acknowledged"/> and then PATCHes <c>@original</c>.
    /// </summary>
    public InteractionResponse SubmitInteraction(Interaction interaction, string? text, QuestionMode mode, Task acknowledged)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return InteractionResponse.Ephemeral("Please type a question, e.g. `/ask question: how many MiG-15s were lost?`");
        }

        var correlationId = DiscordQuestionMapper.NewCorrelationId();
        var question = DiscordQuestionMapper.FromInteraction(interaction, text, mode, correlationId);
        if (!rateLimiter.TryAcquire(question.Origin))
        {
            return InteractionResponse.Ephemeral(DiscordAnswerRenderer.StatusText(AnswerStatus.RateLimited, null));
        }

        var receivedAt = time.GetUtcNow();
        var work = new QueuedWork(
            mode == QuestionMode.Fact ? "discord /fact" : "discord /ask",
            correlationId,
            async (services, ct) =>
            {
                var answer = await AnswerSafelyAsync(services, question, ct);
                await EditOriginalAsync(interaction, renderer.Render(answer, askerId: interaction.User.Id), acknowledged, receivedAt, ct);
            },
            ct => EditOriginalAsync(interaction, DiscordMessage.Text("I'm restarting — please ask again in a minute."), acknowledged, receivedAt, ct));
        if (!queue.TryEnqueue(work))
        {
            LogBusy(logger, correlationId);
            return InteractionResponse.Ephemeral(DiscordAnswerRenderer.StatusText(AnswerStatus.Busy, null));
        }

        return InteractionResponse.Defer();
    }

    /// <summary>Queues deferred work for other commands (sources, moderation) with the same ack and token-life rules.</summary>
    public InteractionResponse SubmitDeferred(
        Interaction interaction,
        string description,
        bool ephemeral,
        Task acknowledged,
        Func<IServiceProvider, CancellationToken, Task<DiscordMessage>> produce)
    {
        var correlationId = DiscordQuestionMapper.NewCorrelationId();
        var receivedAt = time.GetUtcNow();
        var work = new QueuedWork(
            description,
            correlationId,
            async (services, ct) =>
            {
                DiscordMessage message;
                try
                {
                    message = await produce(services, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWorkFailed(logger, ex, description, correlationId);
                    message = DiscordMessage.Text($"Something went wrong on my side (reference `{correlationId}`). Please try again later.");
                }

                await EditOriginalAsync(interaction, message, acknowledged, receivedAt, ct);
            },
            ct => EditOriginalAsync(interaction, DiscordMessage.Text("I'm restarting — please try again in a minute."), acknowledged, receivedAt, ct));
        return queue.TryEnqueue(work)
            ? InteractionResponse.Defer(ephemeral)
            : InteractionResponse.Ephemeral(DiscordAnswerRenderer.StatusText(AnswerStatus.Busy, null));
    }

    private async Task<Answer> AnswerSafelyAsync(IServiceProvider services, Question question, CancellationToken cancellationToken)
    {
        try
        {
            return await services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user gets a short apology with the reference; details stay in the log (STYLE.md).
            var correlationId = question.Origin.CorrelationId ?? "-";
            LogWorkFailed(logger, ex, "answer", correlationId);
            return Answer.Without(question.Text, AnswerStatus.Error, $"Something went wrong on my side (reference `{correlationId}`). Please try again later.");
        }
    }

    private async Task ReplyAsync(GatewayMessage message, DiscordMessage reply, CancellationToken cancellationToken)
    {
        var body = reply with
        {
            MessageReference = new MessageReference(message.Id, FailIfNotExists: false),
            Nonce = message.Id.Length <= 25 ? message.Id : null,
            EnforceNonce = message.Id.Length <= 25 ? true : null,
        };
        await rest.CreateMessageAsync(message.ChannelId, body, cancellationToken);
    }

    private async Task EditOriginalAsync(Interaction interaction, DiscordMessage message, Task acknowledged, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            await acknowledged.WaitAsync(AckWait, time, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotAcknowledged(logger, interaction.Id);
            return;
        }

        if (time.GetUtcNow() - receivedAt > TokenLife)
        {
            LogTokenExpired(logger, interaction.Id);
            return;
        }

        await rest.EditOriginalResponseAsync(interaction.Token, message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question queue full; told the asker to retry (correlation {CorrelationId})")]
    private static partial void LogBusy(ILogger logger, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord work {Description} failed (correlation {CorrelationId})")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string description, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the initial response was not delivered; the answer is dropped")]
    private static partial void LogNotAcknowledged(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: answered after the token expired; not sent")]
    private static partial void LogTokenExpired(ILogger logger, string interactionId);
}
