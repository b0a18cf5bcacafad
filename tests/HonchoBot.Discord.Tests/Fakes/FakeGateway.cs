using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>A payload a client sent to the fake gateway, or the end of a connection.</summary>
public sealed record GatewayEvent(int Connection, int? Op, JsonNode? Data, int? ClientCloseCode, bool IsClose, DateTimeOffset At);

/// <summary>
/// The fake Discord gateway v10 (docs/platform-protocols.md). It speaks first with Hello, checks Identify/Resume
/// strictly (wrong token → close 4004, unknown op → 4001, oversize → 4002, a second Identify → 4005,
/// missing <c>v=10&amp;encoding=json</c> → 4012), ACKs heartbeats unless told not to, answers Identify
/// with READY and a valid Resume with a replay of missed events and RESUMED.
/// </summary>
public sealed class FakeGateway(FakeDiscord discord)
{
    private readonly ConcurrentQueue<GatewayEvent> _events = new();
    private readonly ConcurrentDictionary<string, FakeSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Lock _lock = new();
    private int _sessionCounter;

    public int HeartbeatIntervalMs { get; set; } = 400;

    public bool AcksHeartbeats { get; set; } = true;

    /// <summary>When set, every new connection is closed with this code right after Hello (a flapping gateway).</summary>
    public int? CloseAfterHello { get; set; }

    /// <summary>The token the gateway accepts; a different token in Identify gets close 4004.</summary>
    public string AcceptedToken { get; set; } = FakeDiscord.Token;

    public IReadOnlyList<GatewayEvent> Events => [.. _events];

    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public FakeGatewayConnection Current => Connections[^1];

    public IEnumerable<GatewayEvent> Sent(int op) => Events.Where(e => e.Op == op);

    public Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        discord.Changed.WaitUntilAsync(condition, what, timeout);

    public Task WaitForOpAsync(int op, int count = 1, string? what = null) =>
        WaitUntilAsync(() => Sent(op).Count() >= count, what ?? $"{count} client op {op} payload(s)");

    /// <summary>
    /// Sends a dispatch in the latest session, on whichever connection owns that session now. If the
    /// client is between connections, the event waits in the session and is replayed on Resume — as on
    /// Discord, nothing is lost to a reconnect.
    /// </summary>
    public Task DispatchAsync(string type, JsonNode data)
    {
        var session = Connections.LastOrDefault(c => c.Session is not null)?.Session
            ?? throw new InvalidOperationException("no session yet");
        return session.DispatchAsync(type, data);
    }

    internal async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeGatewayConnection connection;
        lock (_lock)
        {
            connection = new FakeGatewayConnection(this, socket, _connections.Count + 1, context.Request.Path, context.Request.QueryString.Value ?? string.Empty);
            _connections.Add(connection);
        }

        discord.Changed.Pulse();
        await connection.RunAsync(context.RequestAborted);
    }

    internal async Task CloseAllAsync()
    {
        foreach (var c in Connections)
        {
            await c.CloseAsync(1001, "fake shutting down");
        }
    }

    internal void Record(GatewayEvent e)
    {
        _events.Enqueue(e);
        discord.Changed.Pulse();
    }

    internal void Violation(string what) => discord.Violation("gateway: " + what);

    internal FakeSession NewSession()
    {
        var session = new FakeSession($"session-{Interlocked.Increment(ref _sessionCounter)}");
        _sessions[session.Id] = session;
        return session;
    }

    internal FakeSession? FindSession(string? id) => id is not null && _sessions.TryGetValue(id, out var s) ? s : null;

    internal string ResumeUrl => discord.ResumeGatewayUrl;
}

/// <summary>A session: its sequence and the dispatches sent in it, for replay on resume.</summary>
public sealed class FakeSession(string id)
{
    public string Id { get; } = id;

    public int Sequence { get; set; }

    /// <summary>The connection currently serving this session (set by Identify and Resume).</summary>
    public FakeGatewayConnection? Owner { get; set; }

    public async Task DispatchAsync(string type, JsonNode data)
    {
        int seq;
        FakeGatewayConnection? owner;
        lock (this)
        {
            seq = ++Sequence;
            Sent.Add((seq, type, data.DeepClone()));
            owner = Owner;
        }

        if (owner is not null)
        {
            await owner.SendAsync(new JsonObject { ["op"] = 0, ["d"] = data, ["s"] = seq, ["t"] = type });
        }
    }

    public List<(int Seq, string Type, JsonNode Data)> Sent { get; } = [];

    /// <summary>A dispatch that happened while the client was away: replayed on Resume.</summary>
    public void AddMissed(string type, JsonNode data)
    {
        lock (this)
        {
            Sent.Add((++Sequence, type, data));
        }
    }

    /// <summary>When false, a Resume of this session gets op 9 (false).</summary>
    public bool IsResumable { get; set; } = true;
}

/// <summary>One client connection to the fake gateway.</summary>
public sealed class FakeGatewayConnection(FakeGateway gateway, WebSocket socket, int index, string path, string query)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int Index { get; } = index;

    public string Path { get; } = path;

    public string Query { get; } = query;

    public FakeSession? Session { get; private set; }

    public bool IsIdentified => Session is not null;

    public async Task SendAsync(JsonObject payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends text as-is (for malformed-payload tests).</summary>
    public async Task SendRawAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendOpAsync(int op, JsonNode? d = null) => SendAsync(new JsonObject { ["op"] = op, ["d"] = d, ["s"] = null, ["t"] = null });

    public Task DispatchAsync(string type, JsonNode data) =>
        (Session ?? throw new InvalidOperationException("not identified")).DispatchAsync(type, data);

    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                    socket.Abort();
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal async Task RunAsync(CancellationToken aborted)
    {
        if (!Query.Contains("v=10", StringComparison.Ordinal) || !Query.Contains("encoding=json", StringComparison.Ordinal))
        {
            gateway.Violation($"connection without v=10&encoding=json ({Query})");
            await CloseAsync(4012, "Invalid API version");
            return;
        }

        await SendOpAsync(10, new JsonObject { ["heartbeat_interval"] = gateway.HeartbeatIntervalMs });
        if (gateway.CloseAfterHello is { } code)
        {
            await CloseAsync(code, "flapping");
        }
        var buffer = new byte[16 * 1024];
        while (true)
        {
            string text;
            try
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        gateway.Record(new GatewayEvent(Index, null, null, (int?)socket.CloseStatus, true, DateTimeOffset.UtcNow));
                        await CloseAsync((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "bye"); // echo, as servers do
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (message.Length > 4096)
                {
                    gateway.Violation($"payload of {message.Length} bytes > 4096");
                    await CloseAsync(4002, "Decode error");
                    return;
                }

                text = Encoding.UTF8.GetString(message.ToArray());
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                gateway.Record(new GatewayEvent(Index, null, null, null, true, DateTimeOffset.UtcNow));
                return;
            }

            var payload = JsonNode.Parse(text)!;
            var op = payload["op"]?.GetValue<int>();
            var d = payload["d"];
            gateway.Record(new GatewayEvent(Index, op, d?.DeepClone(), null, false, DateTimeOffset.UtcNow));
            switch (op)
            {
                case 1:
                    if (gateway.AcksHeartbeats)
                    {
                        await SendOpAsync(11);
                    }

                    break;
                case 2:
                    await IdentifyAsync(d);
                    break;
                case 6:
                    await ResumeAsync(d);
                    break;
                default:
                    gateway.Violation($"unknown opcode {op}");
                    await CloseAsync(4001, "Unknown opcode");
                    return;
            }
        }
    }

    private async Task IdentifyAsync(JsonNode? d)
    {
        if (IsIdentified)
        {
            await CloseAsync(4005, "Already authenticated");
            return;
        }

        if (d?["token"]?.GetValue<string>() != gateway.AcceptedToken)
        {
            await CloseAsync(4004, "Authentication failed.");
            return;
        }

        if (d?["intents"] is null || d["properties"] is not JsonObject)
        {
            gateway.Violation("identify without intents or properties");
            await CloseAsync(4002, "Decode error");
            return;
        }

        Session = gateway.NewSession();
        Session.Owner = this;
        await DispatchAsync("READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = FakeDiscord.BotUserId, ["username"] = "HonchoBot", ["bot"] = true },
            ["guilds"] = new JsonArray(),
            ["session_id"] = Session.Id,
            ["resume_gateway_url"] = gateway.ResumeUrl,
            ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["flags"] = 0 },
        });
    }

    private async Task ResumeAsync(JsonNode? d)
    {
        if (d?["token"]?.GetValue<string>() != gateway.AcceptedToken)
        {
            await CloseAsync(4004, "Authentication failed.");
            return;
        }

        var session = gateway.FindSession(d?["session_id"]?.GetValue<string>());
        var seq = d?["seq"]?.GetValue<int>();
        if (session is null || !session.IsResumable || seq is null || seq > session.Sequence)
        {
            await SendOpAsync(9, false);
            return;
        }

        Session = session;
        List<(int Seq, string Type, JsonNode Data)> missed;
        lock (session)
        {
            missed = session.Sent.Where(e => e.Seq > seq).ToList();
            session.Owner = this;
        }

        foreach (var (s, type, data) in missed)
        {
            await SendAsync(new JsonObject { ["op"] = 0, ["d"] = data.DeepClone(), ["s"] = s, ["t"] = type });
        }

        await DispatchAsync("RESUMED", new JsonObject());
    }
}
