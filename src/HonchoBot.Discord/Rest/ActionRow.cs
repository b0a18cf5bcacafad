using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>An action row (type 1) of up to 5 buttons (docs/platform-protocols.md).</summary>
public sealed record ActionRow([property: JsonPropertyName("components")] IReadOnlyList<Component> Components)
{
    [JsonPropertyName("type")]
    public int Type => 1;
}
