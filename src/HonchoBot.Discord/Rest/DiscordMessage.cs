using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>
/// A message body for Create Message, interaction responses and webhook edits (docs/platform-protocols.md).
/// <see cref="AllowedMentions"/> is not optional: corpus text may contain @everyone, so every send
/// carries <c>{"parse": []}</c>, so corpus text can never ping anyone.
/// </summary>
public sealed record DiscordMessage
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<Embed>? Embeds { get; init; }

    [JsonPropertyName("components")]
    public IReadOnlyList<ActionRow>? Components { get; init; }

    [JsonPropertyName("flags")]
    public int? Flags { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>Replies to a message; <c>fail_if_not_exists: false</c> so a deleted question still gets its answer.</summary>
    /// <summary>The files uploaded with this request, by the index of their <c>files[n]</c> part.</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }

    [JsonPropertyName("message_reference")]
    public MessageReference? MessageReference { get; init; }

    /// <summary>With <c>enforce_nonce</c>, a retried Create Message after a dropped connection is not posted twice.</summary>
    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    [JsonPropertyName("enforce_nonce")]
    public bool? EnforceNonce { get; init; }

    /// <summary>EPHEMERAL, 1 &lt;&lt; 6 (docs/platform-protocols.md).</summary>
    public const int EphemeralFlag = 1 << 6;

    public static DiscordMessage Text(string content, bool ephemeral = false) =>
        new() { Content = content, Flags = ephemeral ? EphemeralFlag : null };
}
