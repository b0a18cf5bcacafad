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
/// <item>the queued work calls <see cref="DeliverAsync(DiscordMessage, CancellationToken)"/> once: before the request gave up, its message goes
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
    public Task DeliverAsync(DiscordMessage message, CancellationToken cancellationToken) =>
        DeliverAsync(message, null, cancellationToken);

    /// <summary>
    /// As <see cref="DeliverAsync(DiscordMessage, CancellationToken)"/>, with an upload (a chart) that an inline response
    /// cannot carry: inline, the text goes at once and a PATCH then adds the file; deferred, one PATCH carries both, and
    /// if it fails the text goes alone. A failed upload never loses the text.
    /// </summary>
    /// <param name="message">The answer as text and embeds.</param>
    /// <param name="upload">The same message showing the file, and the file; null for none.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task DeliverAsync(DiscordMessage message, (DiscordMessage Message, DiscordFile File)? upload, CancellationToken cancellationToken)
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
            if (upload is { } inlineUpload)
            {
                await UploadAsync(inlineUpload.Message, inlineUpload.File, cancellationToken);
            }

            return;
        }

        if (upload is { } deferredUpload && await UploadAsync(deferredUpload.Message, deferredUpload.File, cancellationToken))
        {
            return;
        }

        await EditOriginalAsync(message, null, cancellationToken);
    }

    private async Task<bool> UploadAsync(DiscordMessage message, DiscordFile file, CancellationToken cancellationToken)
    {
        var result = await EditOriginalAsync(message, file, cancellationToken);
        if (result is { IsSuccess: true })
        {
            return true;
        }

        LogUploadFailed(logger, interaction.Id, result?.StatusCode ?? 0);
        return false;
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

    private async Task<DiscordRestResult?> EditOriginalAsync(DiscordMessage message, DiscordFile? file, CancellationToken cancellationToken)
    {
        try
        {
            await acknowledged.WaitAsync(AckWait, time, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotAcknowledged(logger, interaction.Id);
            return null;
        }

        if (time.GetUtcNow() - _receivedAt > TokenLife)
        {
            LogTokenExpired(logger, interaction.Id);
            return null;
        }

        return file is null
            ? await rest.EditOriginalResponseAsync(interaction.Token, message, cancellationToken)
            : await rest.EditOriginalResponseAsync(interaction.Token, message, file, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the initial response was not delivered; the answer is dropped")]
    private static partial void LogNotAcknowledged(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the chart upload failed (status {Status}); the answer stands without it")]
    private static partial void LogUploadFailed(ILogger logger, string interactionId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: answered after the token expired; not sent")]
    private static partial void LogTokenExpired(ILogger logger, string interactionId);
}
