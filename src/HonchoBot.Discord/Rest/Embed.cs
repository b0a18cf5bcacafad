using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

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

    [JsonPropertyName("image")]
    public EmbedImage? Image { get; init; }

    [JsonPropertyName("footer")]
    public EmbedFooter? Footer { get; init; }
}
