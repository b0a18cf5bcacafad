using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

public sealed record EmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool Inline = false);
