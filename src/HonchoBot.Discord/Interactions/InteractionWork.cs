using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// Runs an interaction's slow part (a source listing, a moderation change, an answer) on the question queue and
/// answers the interaction through its <see cref="InitialResponse"/>: inline when quick, else defer and PATCH.
/// Nothing here awaits the work on the request's thread beyond the inline wait.
/// </summary>
internal sealed partial class InteractionWork(
    IQuestionQueue queue,
    IDiscordRestClient rest,
    InteractionTimings timings,
    TimeProvider time,
    ILogger<InteractionWork> logger)
{
    public const string ShuttingDownText = "I'm restarting — please try again in a minute.";

    public const string BusyText = "I'm answering a lot of questions right now — please try again in a minute.";

    /// <summary>The handshake for one interaction; <paramref name="acknowledged"/> completes once the initial response reached Discord.</summary>
    public InitialResponse Begin(Interaction interaction, Task acknowledged) => new(interaction, acknowledged, rest, time, logger);

    /// <summary>The initial response: the work's message inline if it is ready within the inline wait, else a defer.</summary>
    public Task<InteractionResponse> RespondAsync(InitialResponse response, bool ephemeral, CancellationToken cancellationToken) =>
        response.RespondAsync(timings.InlineAnswerWait, ephemeral, cancellationToken);

    /// <summary>
    /// Queues <paramref name="produce"/>; its message (or an apology with a reference, if it throws) goes to the
    /// interaction. A full queue is answered "busy" at once.
    /// </summary>
    public async Task<InteractionResponse> SubmitAsync(
        Interaction interaction,
        string description,
        bool ephemeral,
        Task acknowledged,
        Func<IServiceProvider, CancellationToken, Task<DiscordMessage>> produce,
        CancellationToken cancellationToken)
    {
        var correlationId = CorrelationIds.New();
        var response = Begin(interaction, acknowledged);
        var work = new QueuedWork(
            ChatPlatform.Discord,
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
                    message = DiscordMessage.Text(AskPipeline.ErrorMessage(correlationId));
                }

                await response.DeliverAsync(message, ct);
            },
            ct => response.DeliverAsync(DiscordMessage.Text(ShuttingDownText), ct));
        if (!queue.TryEnqueue(work))
        {
            LogBusy(logger, correlationId);
            return InteractionResponse.Ephemeral(BusyText);
        }

        return await RespondAsync(response, ephemeral, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question queue full; told the Discord user to retry (correlation {CorrelationId})")]
    private static partial void LogBusy(ILogger logger, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord work {Description} failed (correlation {CorrelationId})")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string description, string correlationId);
}
