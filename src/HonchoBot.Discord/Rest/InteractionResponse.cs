using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>An interaction callback (docs/platform-protocols.md).</summary>
public sealed record InteractionResponse(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data")] object? Data = null)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;

    public static InteractionResponse PongResponse { get; } = new(Pong);

    public static InteractionResponse Message(DiscordMessage message) => new(ChannelMessage, message);

    /// <summary>An ephemeral note: errors and refusals are shown only to the person who asked.</summary>
    public static InteractionResponse Ephemeral(string text) => new(ChannelMessage, DiscordMessage.Text(text, ephemeral: true));

    /// <summary>Type 5: the user sees "thinking…"; the answer replaces it with PATCH @original. EPHEMERAL is the only valid flag.</summary>
    public static InteractionResponse Defer(bool ephemeral = false) =>
        new(DeferredChannelMessage, ephemeral ? new DeferData(DiscordMessage.EphemeralFlag) : null);

    public static InteractionResponse Choices(IReadOnlyList<AutocompleteChoice> choices) =>
        new(AutocompleteResult, new AutocompleteData(choices.Take(25).ToList()));

    public static InteractionResponse ModalResponse(ModalData modal) => new(Modal, modal);

    /// <summary>True when a PATCH of <c>@original</c> will follow.</summary>
    [JsonIgnore]
    public bool IsDeferred => Type == DeferredChannelMessage;
}
