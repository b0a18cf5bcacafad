using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Commands;

/// <summary>
/// Registers <see cref="CommandCatalog.All"/> by bulk overwrite (docs/platform-protocols.md): per configured guild
/// (instant) or globally. Bulk overwrite is idempotent, so running it at every start-up is safe.
/// </summary>
internal sealed partial class CommandRegistrar(IDiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    /// <summary>Returns false when Discord refused the command set (the bot keeps running; the log says why).</summary>
    public async Task<bool> RegisterAsync(CancellationToken cancellationToken)
    {
        var guilds = options.Value.GuildIds;
        var targets = guilds.Count == 0 ? [null] : guilds.Select(g => (string?)g).ToList();
        var ok = true;
        foreach (var guild in targets)
        {
            var result = await rest.BulkOverwriteCommandsAsync(guild, CommandCatalog.All, cancellationToken);
            if (result.IsSuccess)
            {
                LogRegistered(logger, CommandCatalog.All.Count, guild ?? "global");
            }
            else
            {
                ok = false;
                LogRegistrationFailed(logger, guild ?? "global", result.StatusCode, result.ErrorCode, result.ErrorMessage);
            }
        }

        return ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord command registration ({Scope}) failed: {Status} code {Code}: {Message}")]
    private static partial void LogRegistrationFailed(ILogger logger, string scope, int status, int? code, string? message);
}
