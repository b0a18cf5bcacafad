using Microsoft.Extensions.Options;

namespace HonchoBot.Discord;

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

        if (options.ShardCount is < 1 || options.ShardId < 0 || (options.ShardCount is { } count && options.ShardId >= count))
        {
            failures.Add("Discord:ShardId must be in [0, Discord:ShardCount) and Discord:ShardCount at least 1 (or unset: Discord's recommendation).");
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
