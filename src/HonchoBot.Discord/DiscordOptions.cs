namespace HonchoBot.Discord;

/// <summary>The <c>Discord</c> configuration section (docs/discord-setup.md).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES (docs/platform-protocols.md): mentions and DMs carry content without the privileged MESSAGE_CONTENT intent.</summary>
    public const int DefaultIntents = 1 | (1 << 9) | (1 << 12);

    public bool Enabled { get; set; }

    /// <summary>Bot token: gateway and command registration. A secret: never logged.</summary>
    public string? Token { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>Application public key (64 hex characters); maps <c>POST /discord/interactions</c>.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register commands in these guilds (instant) instead of globally.</summary>
    public List<string> GuildIds { get; } = [];

    /// <summary>Roles allowed to manage sources besides MANAGE_GUILD.</summary>
    public List<string> ModeratorRoleIds { get; } = [];

    /// <summary>Optional channel allow-list: when non-empty, mentions elsewhere are ignored and commands answer with a hint.</summary>
    public List<string> ChannelIds { get; } = [];

    public int Intents { get; set; } = DefaultIntents;

    /// <summary>This replica's gateway shard, in [0, shard count). Only shard 0 registers the application commands.</summary>
    public int ShardId { get; set; }

    /// <summary>How many shards the bot runs in all; unset: the count Discord recommends in <c>GET /gateway/bot</c>.</summary>
    public int? ShardCount { get; set; }

    /// <summary>API base with the version; paths such as <c>/channels/{id}/messages</c> are appended.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Unset: discovered with <c>GET /gateway/bot</c>. Set: used instead (<c>?v=10&amp;encoding=json</c> added).</summary>
    public string? GatewayUrl { get; set; }

    internal bool HasToken => !string.IsNullOrWhiteSpace(Token);

    internal bool HasPublicKey => !string.IsNullOrWhiteSpace(PublicKey);
}
