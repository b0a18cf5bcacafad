using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

public sealed record AutocompleteChoice(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);
