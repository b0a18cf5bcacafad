using Microsoft.Extensions.Options;

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

    public int ShardId { get; set; }

    public int ShardCount { get; set; } = 1;

    /// <summary>API base with the version; paths such as <c>/channels/{id}/messages</c> are appended.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Unset: discovered with <c>GET /gateway/bot</c>. Set: used instead (<c>?v=10&amp;encoding=json</c> added).</summary>
    public string? GatewayUrl { get; set; }

    internal bool HasToken => !string.IsNullOrWhiteSpace(Token);

    internal bool HasPublicKey => !string.IsNullOrWhiteSpace(PublicKey);
}

/// <summary>
/// Start-up validation (docs/discord-setup.md): ApplicationId and at least
/// one of Token or PublicKey. Messages name the configuration key so the operator can fix it.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId is required when Discord:Enabled is true.");
        }
        else if (!ulong.TryParse(options.ApplicationId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            failures.Add("Discord:ApplicationId must be a numeric snowflake id.");
        }

        if (!options.HasToken && !options.HasPublicKey)
        {
            failures.Add("Discord:Token (gateway) or Discord:PublicKey (HTTP interactions) is required when Discord:Enabled is true.");
        }

        if (options.HasPublicKey && !IsHexKey(options.PublicKey!))
        {
            failures.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gw) || (gw.Scheme != "wss" && gw.Scheme != "ws")))
        {
            failures.Add("Discord:GatewayUrl must be an absolute ws(s) URL when set.");
        }

        if (options.ShardCount < 1 || options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            failures.Add("Discord:ShardId must be in [0, Discord:ShardCount) and Discord:ShardCount at least 1.");
        }

        if (options.Intents < 0)
        {
            failures.Add("Discord:Intents must be a non-negative intent bit set.");
        }

        foreach (var (key, ids) in new[] { ("GuildIds", options.GuildIds), ("ModeratorRoleIds", options.ModeratorRoleIds), ("ChannelIds", options.ChannelIds) })
        {
            if (ids.Exists(id => !ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                failures.Add($"Discord:{key} must hold numeric snowflake ids.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHexKey(string key) => key.Length == 64 && key.All(Uri.IsHexDigit);
}
