using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>An application command as registered (docs/platform-protocols.md).</summary>
public sealed record ApplicationCommand
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public int Type { get; init; } = 1;

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<CommandOption>? Options { get; init; }

    /// <summary>A permission bit set serialised as a string; <c>"32"</c> is MANAGE_GUILD.</summary>
    [JsonPropertyName("default_member_permissions")]
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL.</summary>
    [JsonPropertyName("contexts")]
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>0 GUILD_INSTALL.</summary>
    [JsonPropertyName("integration_types")]
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}

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
