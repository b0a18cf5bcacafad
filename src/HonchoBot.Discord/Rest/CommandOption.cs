using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>A command option (docs/platform-protocols.md).</summary>
public sealed record CommandOption
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;
    public const int Attachment = 11;

    [JsonPropertyName("type")]
    public required int Type { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    [JsonPropertyName("autocomplete")]
    public bool? Autocomplete { get; init; }

    [JsonPropertyName("min_length")]
    public int? MinLength { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("min_value")]
    public int? MinValue { get; init; }

    [JsonPropertyName("max_value")]
    public int? MaxValue { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<CommandOption>? Options { get; init; }
}
