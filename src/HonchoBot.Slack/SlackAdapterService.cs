using HonchoBot.Core.Net;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.SocketMode;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack;

/// <summary>
/// The Slack adapter's lifetime: <c>auth.test</c> (own ids, retried with back-off; <c>invalid_auth</c> is fatal),
/// then Socket Mode when an app token is configured. HTTP mode needs nothing running here beyond the identity.
/// Fatal answers stop this adapter only, never the process (docs/slack-setup.md).
/// </summary>
public sealed partial class SlackAdapterService(
    IOptions<SlackOptions> options,
    ISlackApi api,
    SlackIdentity identity,
    SlackStatus status,
    SocketModeClient socketMode,
    SlackBackgroundSender background,
    TimeProvider time,
    ILogger<SlackAdapterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            status.Set(ConnectionState.Disabled);
            return;
        }

        status.Set(ConnectionState.Starting);
        var backoff = Backoff.Default();
        while (identity.Current is null)
        {
            try
            {
                var info = await api.AuthTestAsync(stoppingToken);
                identity.Set(info);
                LogAuthenticated(logger, info.UserId, info.BotId ?? "-", info.TeamId ?? "-");
            }
            catch (SlackApiException ex) when (ex.IsFatalAuth)
            {
                LogFatal(logger, ex.Error);
                status.Set(ConnectionState.StoppedFatal, $"Slack auth.test answered {ex.Error}: check Slack:BotToken.");
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var reason = ex is SlackApiException apiError ? apiError.Error : ex.GetType().Name;
                LogAuthRetry(logger, reason);
                status.Set(ConnectionState.Retrying, "Slack auth.test failed (" + reason + "); retrying");
                await Task.Delay(backoff.Next(), time, stoppingToken);
            }
        }

        if (!settings.HasAppToken)
        {
            status.Set(ConnectionState.Connected);
            return;
        }

        await socketMode.RunAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await background.DrainAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of shutdown time: notes still in flight are dropped.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot authenticated as user {UserId} (bot {BotId}) in team {TeamId}")]
    private static partial void LogAuthenticated(ILogger logger, string userId, string botId, string teamId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack adapter stopped: auth.test answered {Error}. Check Slack:BotToken (an xoxb- bot token)")]
    private static partial void LogFatal(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack auth.test failed ({Reason}); retrying with back-off")]
    private static partial void LogAuthRetry(ILogger logger, string reason);
}
