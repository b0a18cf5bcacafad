using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

public sealed record EmbedFooter([property: JsonPropertyName("text")] string Text);
