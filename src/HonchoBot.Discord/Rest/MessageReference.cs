using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

public sealed record MessageReference(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("fail_if_not_exists")] bool FailIfNotExists = false);
