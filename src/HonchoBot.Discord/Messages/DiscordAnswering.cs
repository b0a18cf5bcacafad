using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Messages;

/// <summary>
/// The one answering path for mentions, DMs, <c>/ask</c> and <c>/fact</c>:
/// rate-limit, enqueue, acknowledge; the queued work answers in its own DI scope, renders and sends.
/// Nothing here awaits answering on the caller's thread.
/// </summary>
internal sealed partial class DiscordAnswering(
    IQuestionQueue queue,
    IChatRateLimiter rateLimiter,
    IDiscordRestClient rest,
    DiscordAnswerRenderer renderer,
    InteractionTimings timings,
    TimeProvider time,
    ILogger<DiscordAnswering> logger)
{
    /// <summary>Interaction tokens live 15 minutes (docs/platform-protocols.md); leave a margin.</summary>
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(14);

    /// <summary>How long queued work waits for the initial response to reach Discord before PATCHing.</summary>
    private static readonly TimeSpan AckWait = TimeSpan.FromSeconds(10);

    public const string EmptyMentionHint = "Ask me a question after the mention — e.g. `@HonchoBot how many MiG-15s were lost?` — or use `/ask`.";

    /// <summary>Answers a mention or DM as a reply to it, without pinging anyone (docs/platform-protocols.md).</summary>
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
            // Busy is not the asker's doing: the question they could not ask does not count against them.
            rateLimiter.Release(question.Origin);
            LogBusy(logger, correlationId);
            await ReplyAsync(message, DiscordMessage.Text(DiscordAnswerRenderer.StatusText(AnswerStatus.Busy, null)), cancellationToken);
        }
    }

    /// <summary>
    /// <c>/ask</c> and <c>/fact</c>: rate-limit, enqueue, then answer inline when the answer is ready within
    /// <see cref="InteractionTimings.InlineAnswerWait"/>, otherwise defer (type 5) and PATCH <c>@original</c>
    /// (docs/platform-protocols.md).
    /// </summary>
    public Task<InteractionResponse> SubmitInteractionAsync(Interaction interaction, string? text, QuestionMode mode, Task acknowledged, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(InteractionResponse.Ephemeral("Please type a question, e.g. `/ask question: how many MiG-15s were lost?`"));
        }

        var correlationId = DiscordQuestionMapper.NewCorrelationId();
        var question = DiscordQuestionMapper.FromInteraction(interaction, text, mode, correlationId);
        if (!rateLimiter.TryAcquire(question.Origin))
        {
            return Task.FromResult(InteractionResponse.Ephemeral(DiscordAnswerRenderer.StatusText(AnswerStatus.RateLimited, null)));
        }

        return SubmitAsync(
            interaction,
            mode == QuestionMode.Fact ? "discord /fact" : "discord /ask",
            correlationId,
            ephemeral: false,
            acknowledged,
            async (services, ct) => renderer.Render(await AnswerSafelyAsync(services, question, ct), askerId: interaction.User.Id),
            cancellationToken,
            rateLimited: question.Origin);
    }

    /// <summary>Other commands (sources, moderation): the same queue, inline-or-defer and token-life rules.</summary>
    public Task<InteractionResponse> SubmitDeferredAsync(
        Interaction interaction,
        string description,
        bool ephemeral,
        Task acknowledged,
        Func<IServiceProvider, CancellationToken, Task<DiscordMessage>> produce,
        CancellationToken cancellationToken) =>
        SubmitAsync(interaction, description, DiscordQuestionMapper.NewCorrelationId(), ephemeral, acknowledged, produce, cancellationToken);

    /// <param name="rateLimited">The origin a rate-limit token was taken for, given back if the queue is full.</param>
    private async Task<InteractionResponse> SubmitAsync(
        Interaction interaction,
        string description,
        string correlationId,
        bool ephemeral,
        Task acknowledged,
        Func<IServiceProvider, CancellationToken, Task<DiscordMessage>> produce,
        CancellationToken cancellationToken,
        QuestionOrigin? rateLimited = null)
    {
        var receivedAt = time.GetUtcNow();
        var slot = new InlineSlot();
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

                if (!slot.TryDeliverInline(message))
                {
                    await EditOriginalAsync(interaction, message, acknowledged, receivedAt, ct);
                }
            },
            async ct =>
            {
                var message = DiscordMessage.Text("I'm restarting — please try again in a minute.");
                if (!slot.TryDeliverInline(message))
                {
                    await EditOriginalAsync(interaction, message, acknowledged, receivedAt, ct);
                }
            });
        if (!queue.TryEnqueue(work))
        {
            if (rateLimited is not null)
            {
                rateLimiter.Release(rateLimited);
            }

            LogBusy(logger, correlationId);
            return InteractionResponse.Ephemeral(DiscordAnswerRenderer.StatusText(AnswerStatus.Busy, null));
        }

        var inline = await slot.WaitAsync(timings.InlineAnswerWait, time, cancellationToken);
        return inline is null
            ? InteractionResponse.Defer(ephemeral)
            : InteractionResponse.Message(ephemeral ? inline with { Flags = (inline.Flags ?? 0) | DiscordMessage.EphemeralFlag } : inline);
    }

    private async Task<Answer> AnswerSafelyAsync(IServiceProvider services, Question question, CancellationToken cancellationToken)
    {
        try
        {
            return await services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user gets a short apology with the reference; details stay in the log.
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

    /// <summary>
    /// Hands a finished message to the waiting initial response, or — once that has given up and
    /// deferred — tells the work to PATCH instead. Exactly one of the two happens.
    /// </summary>
    private sealed class InlineSlot
    {
        private readonly Lock _lock = new();
        private readonly TaskCompletionSource _produced = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private DiscordMessage? _message;
        private bool _isDeferred;

        public bool TryDeliverInline(DiscordMessage message)
        {
            lock (_lock)
            {
                if (_isDeferred)
                {
                    return false;
                }

                _message = message;
            }

            _produced.TrySetResult();
            return true;
        }

        public async Task<DiscordMessage?> WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
        {
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await _produced.Task.WaitAsync(wait, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Not ready in time: defer below.
                }
            }

            lock (_lock)
            {
                _isDeferred = _message is null;
                return _message;
            }
        }
    }
}
