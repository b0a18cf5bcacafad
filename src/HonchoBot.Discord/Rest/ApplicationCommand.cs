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
