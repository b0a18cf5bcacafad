using System.Threading.Channels;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Commands;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Messages;
using HonchoBot.Discord.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Gateway;

/// <summary>
/// Runs the Discord adapter's long-lived parts when enabled: command registration (when a Token is set)
/// and the gateway session. Dispatches go through a bounded channel to a small pool of handlers, so the
/// gateway's receive loop only parses and hands off: a blocked loop would miss heartbeats and be disconnected.
/// </summary>
internal sealed partial class DiscordGatewayService(
    GatewayClient gateway,
    CommandRegistrar registrar,
    DiscordAsking asking,
    InteractionRouter router,
    Rest.IDiscordRestClient rest,
    DiscordHealth health,
    IOptions<DiscordOptions> options,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private const int DispatchCapacity = 1024;
    private const int Handlers = 2;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _inflight = new();

    private readonly Channel<GatewayDispatch> _dispatches = Channel.CreateBounded<GatewayDispatch>(
        new BoundedChannelOptions(DispatchCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var discord = options.Value;
        if (!discord.Enabled)
        {
            health.Set(ConnectionState.Disabled);
            return;
        }

        if (!discord.HasToken)
        {
            LogHttpOnly(logger);
            health.Set(ConnectionState.HttpOnly, "no Discord:Token: HTTP interactions only; commands not registered");
            return;
        }

        var handlers = Enumerable.Range(0, Handlers).Select(_ => HandleDispatchesAsync(stoppingToken)).ToList();
        // Commands are global to the application: one shard (0) registers them, not every replica.
        var registration = discord.ShardId == 0 ? RegisterCommandsAsync(stoppingToken) : SkipRegistration();
        try
        {
            await gateway.RunAsync(_dispatches.Writer.TryWrite, stoppingToken);
        }
        finally
        {
            _dispatches.Writer.TryComplete();
            await Task.WhenAll(handlers.Append(registration)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Task.WhenAll(_inflight.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Task SkipRegistration()
    {
        LogRegistrationSkipped(logger, options.Value.ShardId);
        return Task.CompletedTask;
    }

    private async Task RegisterCommandsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await registrar.RegisterAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            LogRegistrationError(logger, ex);
        }
    }

    private async Task HandleDispatchesAsync(CancellationToken stoppingToken)
    {
        await foreach (var dispatch in _dispatches.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await HandleAsync(dispatch, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex, dispatch.Type);
            }
        }
    }

    private async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case "MESSAGE_CREATE" when gateway.BotUserId is { } botId:
                if (!GatewayMessage.TryParse(dispatch.Data, out var message, out var problem))
                {
                    LogUnfit(logger, dispatch.Type, problem ?? "?");
                }
                else if (DiscordQuestionMapper.IsAddressedToBot(message, botId, out var text) && IsAllowedChannel(message))
                {
                    await asking.AskAsync(message, text, botId, cancellationToken);
                }

                break;
            case "INTERACTION_CREATE":
                if (!Interaction.TryParse(dispatch.Data, out var interaction, out problem))
                {
                    LogUnfit(logger, dispatch.Type, problem ?? "?");
                    break;
                }

                // Each interaction runs on its own: an initial response may wait up to the inline-answer
                // window, and one interaction's wait must not push the next past Discord's 3 s deadline.
                Track(HandleInteractionSafelyAsync(interaction, cancellationToken));
                break;
        }
    }

    private void Track(Task task)
    {
        _inflight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inflight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleInteractionSafelyAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await HandleInteractionAsync(interaction, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            LogDispatchFailed(logger, ex, "INTERACTION_CREATE");
        }
    }

    /// <summary>Gateway interactions are answered over REST; queued work waits until that callback succeeded.</summary>
    private async Task HandleInteractionAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var response = await router.RouteAsync(interaction, acknowledged.Task, cancellationToken);
            var result = await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
            if (result.IsSuccess)
            {
                acknowledged.TrySetResult();
            }
            else
            {
                acknowledged.TrySetException(new InvalidOperationException($"interaction callback failed with {result.StatusCode}"));
            }
        }
        catch (Exception ex)
        {
            acknowledged.TrySetException(ex);
            throw;
        }
    }

    private bool IsAllowedChannel(GatewayMessage message)
    {
        var allowed = options.Value.ChannelIds;
        return message.GuildId is null || allowed.Count == 0 || allowed.Contains(message.ChannelId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord:Token is not set: only the HTTP interactions endpoint runs; commands are not registered and mentions/DMs are not received")]
    private static partial void LogHttpOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands are registered by shard 0; this replica is shard {ShardId}")]
    private static partial void LogRegistrationSkipped(ILogger logger, int shardId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord command registration failed")]
    private static partial void LogRegistrationError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a {Type} dispatch that does not fit: {Problem}")]
    private static partial void LogUnfit(ILogger logger, string type, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord dispatch {Type} failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string type);
}
