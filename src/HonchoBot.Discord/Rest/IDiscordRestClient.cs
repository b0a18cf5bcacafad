namespace HonchoBot.Discord.Rest;

/// <summary>
/// The REST transport, behind a small interface so tests can drive it against a fake server. Every call already honours rate
/// limits and bounded retries; the result is a value, never an exception for an HTTP error.
/// </summary>
public interface IDiscordRestClient
{
    Task<DiscordRestResult> CreateMessageAsync(string channelId, DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>A message with one file attached (multipart/form-data); the message lists it in <c>attachments</c> with id 0.</summary>
    Task<DiscordRestResult> CreateMessageAsync(string channelId, DiscordMessage message, DiscordFile file, CancellationToken cancellationToken);

    Task<DiscordRestResult> DeleteMessageAsync(string channelId, string messageId, CancellationToken cancellationToken);

    /// <summary>The initial response to a gateway-received interaction (docs/platform-protocols.md).</summary>
    Task<DiscordRestResult> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken);

    /// <summary><c>PATCH /webhooks/{app}/{token}/messages/@original</c>: replaces a deferred response.</summary>
    Task<DiscordRestResult> EditOriginalResponseAsync(string interactionToken, DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces the original response with <paramref name="message"/> and one attached file.</summary>
    Task<DiscordRestResult> EditOriginalResponseAsync(string interactionToken, DiscordMessage message, DiscordFile file, CancellationToken cancellationToken);

    Task<DiscordRestResult> CreateFollowupAsync(string interactionToken, DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>Bulk overwrite of the command set, in one guild or globally (docs/platform-protocols.md).</summary>
    Task<DiscordRestResult> BulkOverwriteCommandsAsync(string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    Task<DiscordRestResult> GetGatewayBotAsync(CancellationToken cancellationToken);
}
