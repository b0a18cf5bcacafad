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

/// <summary>Which mentions may ping. <see cref="None"/> pings nobody, not even the replied-to user.</summary>
public sealed record AllowedMentions(
    [property: JsonPropertyName("parse")] IReadOnlyList<string> Parse,
    [property: JsonPropertyName("replied_user")] bool RepliedUser = false)
{
    public static AllowedMentions None { get; } = new([]);
}

public sealed record MessageReference(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("fail_if_not_exists")] bool FailIfNotExists = false);

public sealed record Embed
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "rich";

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("color")]
    public int? Color { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<EmbedField>? Fields { get; init; }

    [JsonPropertyName("footer")]
    public EmbedFooter? Footer { get; init; }
}

public sealed record EmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool Inline = false);

public sealed record EmbedFooter([property: JsonPropertyName("text")] string Text);

/// <summary>An action row (type 1) of up to 5 buttons (docs/platform-protocols.md).</summary>
public sealed record ActionRow([property: JsonPropertyName("components")] IReadOnlyList<Component> Components)
{
    [JsonPropertyName("type")]
    public int Type => 1;
}

/// <summary>A button (type 2) or, inside modals, a text input (type 4).</summary>
public sealed record Component
{
    [JsonPropertyName("type")]
    public int Type { get; init; }

    [JsonPropertyName("style")]
    public int? Style { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    [JsonPropertyName("min_length")]
    public int? MinLength { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>A modal text input (type 4): style 1 short, 2 paragraph; label ≤ 45 (docs/platform-protocols.md).</summary>
    public static Component TextInput(string customId, string label, bool isParagraph, bool required, int maxLength, string? value = null) =>
        new()
        {
            Type = 4,
            Style = isParagraph ? 2 : 1,
            CustomId = customId,
            Label = label,
            Required = required,
            MaxLength = maxLength,
            Value = string.IsNullOrEmpty(value) ? null : value,
        };

    public static Component Button(string customId, string label, int style = 2) =>
        new() { Type = 2, Style = style, CustomId = customId, Label = label };

    public static Component LinkButton(string url, string label) =>
        new() { Type = 2, Style = 5, Url = url, Label = label };
}
