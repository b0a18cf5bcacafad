using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

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
