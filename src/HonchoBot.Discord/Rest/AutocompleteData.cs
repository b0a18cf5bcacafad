using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

public sealed record AutocompleteData([property: JsonPropertyName("choices")] IReadOnlyList<AutocompleteChoice> Choices);
