using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Slack.Tests.Fakes;

/// <summary>The server side of one fake Socket Mode connection. Every envelope must be acked with its id.</summary>
public sealed class FakeSocket(WebSocket socket, FakeSlack owner, int index)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _acks = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _envelopes;

    public int Index => index;

    public DateTimeOffset OpenedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>True when the bot (not the fake) started the close handshake.</summary>
    public bool WasClosedByClient { get; private set; }

    public bool IsClosed => _closed.Task.IsCompleted;

    public Task Closed => _closed.Task;

    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false, int retryAttempt = 0)
    {
        var id = $"env-{index}-{Interlocked.Increment(ref _envelopes)}-{Guid.NewGuid():N}";
        _acks[id] = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        });
        return id;
    }

    public async Task<JsonElement> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        try
        {
            return await _acks[envelopeId].Task.WaitAsync(timeout ?? Signal.HangGuard);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Envelope {envelopeId} was not acked in time.");
        }
    }

    public Task SendDisconnectAsync(string reason) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-slack" } });

    /// <summary>Drops the connection the way a network failure would (no disconnect message).</summary>
    public void Abort() => socket.Abort();

    internal async Task SendAsync(JsonObject message)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    WasClosedByClient = true;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                OnMessage(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Aborted.
        }
        finally
        {
            ClosedAt = DateTimeOffset.UtcNow;
            foreach (var (id, ack) in _acks)
            {
                if (!ack.Task.IsCompleted)
                {
                    owner.Violations.Enqueue($"envelope {id} was never acked before the socket closed");
                    ack.TrySetException(new InvalidOperationException("never acked"));
                }
            }

            _closed.TrySetResult();
            owner.Signal();
        }
    }

    private void OnMessage(string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            owner.Violations.Enqueue("the bot sent a message that is not JSON: " + text);
            return;
        }

        var id = root.TryGetProperty("envelope_id", out var e) ? e.GetString() : null;
        if (id is null || !_acks.TryGetValue(id, out var ack))
        {
            owner.Violations.Enqueue("ack for an unknown envelope: " + text);
            return;
        }

        if (!ack.TrySetResult(root))
        {
            owner.Violations.Enqueue("envelope acked twice: " + id);
        }

        owner.Signal();
    }
}
