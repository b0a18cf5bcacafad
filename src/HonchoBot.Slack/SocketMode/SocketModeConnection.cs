using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, acknowledges every envelope with its <c>envelope_id</c>
/// (with a response payload where allowed) before handing it on, and reports <c>disconnect</c> requests to
/// <see cref="SocketModeClient"/> while it keeps receiving (docs/platform-protocols.md).
/// </summary>
internal sealed partial class SocketModeConnection(int id, ISocketModeSocket socket, SlackEnvelopeRouter router, ILogger logger) : IAsyncDisposable
{
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private Task _completion = Task.CompletedTask;

    public int Id => id;

    /// <summary>Completes on <c>hello</c>; faults if the socket ends first.</summary>
    public Task Hello => _hello.Task;

    /// <summary>Completes with the reason of a <c>disconnect</c> message (<c>refresh_requested</c>, <c>warning</c>, <c>link_disabled</c>).</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket has closed (for whatever reason).</summary>
    public Task Completion => _completion;

    /// <summary>
    /// Starts receiving. The loop runs on the connection's own token, not the host's: cancelling a pending
    /// ClientWebSocket receive aborts the socket, and then no close handshake is possible. On shutdown
    /// <see cref="CloseAsync"/> starts the handshake and the peer's close ends the loop; disposal ends it otherwise.
    /// </summary>
    public void Start() => _completion = ReceiveLoopAsync(_lifetime.Token);

    /// <summary>Closes gracefully, letting envelopes already received be acknowledged.</summary>
    public async Task CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        using var cts = new CancellationTokenSource(timeout, time);
        try
        {
            await socket.CloseAsync(cts.Token);
            await _completion.WaitAsync(cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            // The peer did not finish the close handshake in time; disposing below drops the socket.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await socket.ReceiveAsync(cancellationToken) is { } message)
            {
                await HandleAsync(message, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException)
        {
            LogSocketError(logger, id, ex.Message);
        }
        finally
        {
            _hello.TrySetException(new IOException("The Socket Mode connection closed before hello."));
        }
    }

    private async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        if (!SlackInbound.TryRead(Encoding.UTF8.GetBytes(message), SlackInboundJson.Default.SocketModeMessage, logger, out var received))
        {
            return;
        }

        switch (received.Type)
        {
            case "hello":
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = received.Reason ?? "unknown";
                LogDisconnect(logger, id, reason);
                _disconnect.TrySetResult(reason);
                return;
        }

        if (received.EnvelopeId is not { } envelopeId)
        {
            return;
        }

        SlackAck ack;
        try
        {
            ack = router.Route(received.Type, received.Payload ?? default);
        }
        catch (Exception ex)
        {
            // Still acknowledged: a retry would fail the same way.
            LogRouteFailed(logger, ex, id, received.Type ?? "?");
            ack = SlackAck.Empty;
        }

        var reply = new JsonObject { ["envelope_id"] = envelopeId };
        if (ack.Body is not null && received.AcceptsResponsePayload == true)
        {
            reply["payload"] = ack.Body.DeepClone();
        }

        await socket.SendAsync(reply.ToJsonString(), cancellationToken);
        try
        {
            ack.AfterAck?.Invoke();
        }
        catch (Exception ex)
        {
            LogRouteFailed(logger, ex, id, received.Type ?? "?");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await socket.DisposeAsync();
        _lifetime.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {ConnectionId}: Slack asks to disconnect ({Reason})")]
    private static partial void LogDisconnect(ILogger logger, int connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {ConnectionId}: {Error}")]
    private static partial void LogSocketError(ILogger logger, int connectionId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode connection {ConnectionId}: handling a {EnvelopeType} envelope failed")]
    private static partial void LogRouteFailed(ILogger logger, Exception exception, int connectionId, string envelopeType);
}

/// <summary>
/// A Socket Mode message: <c>hello</c>, <c>disconnect</c> with its reason, or an envelope
/// whose <paramref name="Payload"/> the router reads as the type's own record.
/// </summary>
public sealed record SocketModeMessage(string? Type, string? EnvelopeId, JsonElement? Payload, bool? AcceptsResponsePayload, string? Reason);
