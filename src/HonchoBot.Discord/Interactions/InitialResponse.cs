using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// Discord's inline-or-defer handshake for one interaction, in one place. An interaction must get its initial
/// response within 3 seconds, and its token lives 15 minutes (docs/platform-protocols.md). Two sides meet here:
/// <list type="bullet">
/// <item>the request (HTTP or gateway) calls <see cref="RespondAsync"/>: it waits up to
/// <see cref="InteractionTimings.InlineAnswerWait"/> for the queued work's message and sends it as the initial
/// response (type 4), or gives up and defers (type 5);</item>
/// <item>the queued work calls <see cref="DeliverAsync"/> once: before the request gave up, its message goes
/// inline; after, it PATCHes <c>@original</c> — once Discord has the defer (<c>acknowledged</c>) and while the
/// token lives.</item>
/// </list>
/// Exactly one of inline and PATCH happens.
/// </summary>
internal sealed partial class InitialResponse(
    Interaction interaction,
    Task acknowledged,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Interaction tokens live 15 minutes (docs/platform-protocols.md); leave a margin.</summary>
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(14);

    /// <summary>How long the work waits for the initial response to reach Discord before PATCHing.</summary>
    private static readonly TimeSpan AckWait = TimeSpan.FromSeconds(10);

    private readonly DateTimeOffset _receivedAt = time.GetUtcNow();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _produced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DiscordMessage? _message;
    private bool _isDeferred;

    /// <summary>The work's side: hand the message to the waiting request, or PATCH it once the request has deferred.</summary>
    public async Task DeliverAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        bool isDeferred;
        lock (_lock)
        {
            isDeferred = _isDeferred;
            if (!isDeferred)
            {
                _message = message;
            }
        }

        if (!isDeferred)
        {
            _produced.TrySetResult();
            return;
        }

        await EditOriginalAsync(message, cancellationToken);
    }

    /// <summary>The request's side: the message if it came within <paramref name="wait"/>, else a defer.</summary>
    public async Task<InteractionResponse> RespondAsync(TimeSpan wait, bool ephemeral, CancellationToken cancellationToken)
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

        DiscordMessage? inline;
        lock (_lock)
        {
            _isDeferred = _message is null;
            inline = _message;
        }

        return inline is null
            ? InteractionResponse.Defer(ephemeral)
            : InteractionResponse.Message(ephemeral ? inline with { Flags = (inline.Flags ?? 0) | DiscordMessage.EphemeralFlag } : inline);
    }

    private async Task EditOriginalAsync(DiscordMessage message, CancellationToken cancellationToken)
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

        if (time.GetUtcNow() - _receivedAt > TokenLife)
        {
            LogTokenExpired(logger, interaction.Id);
            return;
        }

        await rest.EditOriginalResponseAsync(interaction.Token, message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the initial response was not delivered; the answer is dropped")]
    private static partial void LogNotAcknowledged(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: answered after the token expired; not sent")]
    private static partial void LogTokenExpired(ILogger logger, string interactionId);
}
