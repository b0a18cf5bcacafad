using HonchoBot.Core.Net;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Telemetry;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection alive (docs/platform-protocols.md): <c>apps.connections.open</c> → WebSocket → <c>hello</c>.
/// On <c>refresh_requested</c> or <c>warning</c> the replacement is opened <em>before</em> the old socket is closed,
/// so no envelope falls in a gap; <c>link_disabled</c> stops the adapter with a clear reason; a dropped socket is
/// reconnected with capped, jittered back-off. Every wait takes the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SocketModeClient(
    ISlackApi api,
    ISocketModeTransport transport,
    SlackEnvelopeRouter router,
    SlackStatus status,
    TimeProvider time,
    ILogger<SocketModeClient> logger,
    HonchoMetrics? metrics = null)
{
    /// <summary>How long a new socket may take to say <c>hello</c>.</summary>
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a graceful close may take before the socket is dropped.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private int _nextId;

    /// <summary>Back-off between failed attempts; replaceable for tests.</summary>
    internal Backoff Backoff { get; set; } = Backoff.Default();

    /// <summary>Runs until cancelled or stopped by a fatal answer (then <see cref="SlackStatus"/> says why).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        SocketModeConnection? current = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    current = await TryConnectAsync(cancellationToken);
                    if (current is null)
                    {
                        if (status.Current.State == ConnectionState.StoppedFatal)
                        {
                            return;
                        }

                        await Task.Delay(Backoff.Next(), time, cancellationToken);
                        continue;
                    }
                }

                await Task.WhenAny(current.DisconnectRequested, current.Completion).WaitAsync(cancellationToken);
                if (!current.DisconnectRequested.IsCompleted)
                {
                    // Dropped without notice: reconnect after a short, jittered pause.
                    LogDropped(logger, current.Id);
                    await current.DisposeAsync();
                    current = null;
                    status.Set(ConnectionState.Retrying, "Socket Mode connection dropped; reconnecting");
                    metrics?.RecordReconnect("slack-socket-mode");
                    await Task.Delay(Backoff.Next(), time, cancellationToken);
                    continue;
                }

                var reason = await current.DisconnectRequested;
                if (reason == "link_disabled")
                {
                    LogLinkDisabled(logger);
                    status.Set(ConnectionState.StoppedFatal,
                        "Slack sent link_disabled: Socket Mode was turned off for this app. Turn it back on (or configure Slack:SigningSecret for HTTP) and restart.");
                    await current.CloseAsync(CloseTimeout, time);
                    return;
                }

                // refresh_requested / warning: open the new connection first; the old one keeps acking meanwhile.
                metrics?.RecordReconnect("slack-socket-mode");
                var next = await TryConnectAsync(cancellationToken);
                await current.CloseAsync(CloseTimeout, time);
                await current.DisposeAsync();
                current = next;
                if (next is null)
                {
                    if (status.Current.State == ConnectionState.StoppedFatal)
                    {
                        return;
                    }

                    await Task.Delay(Backoff.Next(), time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync(CloseTimeout, time);
                await current.DisposeAsync();
            }
        }
    }

    private async Task<SocketModeConnection?> TryConnectAsync(CancellationToken cancellationToken)
    {
        ISocketModeSocket? socket = null;
        try
        {
            var url = await api.OpenSocketModeUrlAsync(cancellationToken);
            socket = await transport.ConnectAsync(url, cancellationToken);
            var connection = new SocketModeConnection(Interlocked.Increment(ref _nextId), socket, router, logger);
            socket = null;
            connection.Start();
            try
            {
                await connection.Hello.WaitAsync(HelloTimeout, time, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            LogConnected(logger, connection.Id);
            Backoff.Reset();
            status.Set(ConnectionState.Connected);
            return connection;
        }
        catch (SlackApiException ex) when (ex.IsFatalAuth)
        {
            LogFatal(logger, ex.Method, ex.Error);
            status.Set(ConnectionState.StoppedFatal, $"Slack {ex.Method} answered {ex.Error}: check Slack:AppToken (an xapp- token with connections:write).");
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is SlackApiException api ? $"{api.Method}: {api.Error}" : ex.GetType().Name + ": " + ex.Message;
            LogRetrying(logger, reason);
            status.Set(ConnectionState.Retrying, "Socket Mode connection failed (" + reason + "); retrying");
            return null;
        }
        finally
        {
            if (socket is not null)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {ConnectionId} is open")]
    private static partial void LogConnected(ILogger logger, int connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {ConnectionId} dropped; reconnecting with back-off")]
    private static partial void LogDropped(ILogger logger, int connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection failed ({Reason}); retrying with back-off")]
    private static partial void LogRetrying(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode stopped: link_disabled (Socket Mode was turned off in the app settings)")]
    private static partial void LogLinkDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode stopped: {Method} answered {Error} (check Slack:AppToken)")]
    private static partial void LogFatal(ILogger logger, string method, string error);
}
