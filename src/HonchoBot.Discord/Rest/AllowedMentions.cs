using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>Which mentions may ping. <see cref="None"/> pings nobody, not even the replied-to user.</summary>
public sealed record AllowedMentions(
    [property: JsonPropertyName("parse")] IReadOnlyList<string> Parse,
    [property: JsonPropertyName("replied_user")] bool RepliedUser = false)
{
    public static AllowedMentions None { get; } = new([]);
}
