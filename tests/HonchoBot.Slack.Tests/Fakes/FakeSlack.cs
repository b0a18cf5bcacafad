using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Tests.Fakes;

/// <summary>One request the fake received.</summary>
public sealed record RecordedCall(string Method, JsonElement Body, IReadOnlyDictionary<string, string> Form, string? Authorization, DateTimeOffset At)
{
    public string? Get(string name) =>
        Form.TryGetValue(name, out var value) ? value
        : Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
        : null;

    /// <summary>All mrkdwn/plain text in the blocks, joined.</summary>
    public string BlockText() =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("blocks", out var blocks) ? string.Join("\n", AllText(blocks)) : string.Empty;

    private static IEnumerable<string> AllText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var text in AllText(property.Value))
                        {
                            yield return text;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in AllText(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}

/// <summary>
/// A file uploaded with the external flow: reserved by files.getUploadURLExternal, its bytes POSTed to the upload URL,
/// then shared by files.completeUploadExternal.
/// </summary>
public sealed record FakeUpload(string Id, string FileName, int Length, string Key)
{
    public byte[]? Content { get; set; }

    public string? Title { get; set; }

    public string? Channel { get; set; }

    public string? ThreadTs { get; set; }

    public bool IsCompleted { get; set; }
}

/// <summary>A file the fake serves through files.info and url_private.</summary>
public sealed record FakeFile(string Id, string Name, string Title, byte[] Content);

/// <summary>
/// A strict fake of Slack on loopback, strict so that it refuses what Slack would refuse: Web API methods that check the bearer
/// token and reject what Slack rejects (missing text, Block Kit over its limits, calls before Retry-After),
/// response_url and url_private endpoints, and a Socket Mode WebSocket that requires every envelope to be acked.
/// Anything a real Slack would refuse is also recorded in <see cref="Violations"/>, which tests assert empty.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-1111-2222-fake-bot-token";
    public const string AppToken = "xapp-1-A0001-fake-app-token";
    public const string BotUserId = "UBOT0001";
    public const string BotId = "BBOT0001";
    public const string TeamId = "T0TEAM01";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, (int Seconds, DateTimeOffset? Until)> _rateLimits = new();
    private readonly ConcurrentQueue<FakeSocket> _sockets = new();
    private readonly Lock _signalLock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ticket;

    /// <summary>When set, <c>apps.connections.open</c> answers only once this completes.</summary>
    public TaskCompletionSource? HoldConnectionsOpen { get; set; }

    /// <summary>The fake's clock for Retry-After windows and call times; a test on fake time shares its clock with the client.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    private int _ts = 1000;

    private FakeSlack(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Violations { get; } = new();

    public ConcurrentDictionary<string, string[]> UserGroups { get; } = new();

    public ConcurrentDictionary<string, FakeFile> Files { get; } = new();

    /// <summary>Uploads by file id, in the state the external flow has brought them to.</summary>
    public ConcurrentDictionary<string, FakeUpload> Uploads { get; } = new();

    /// <summary>When set, files.getUploadURLExternal hands out upload URLs on this origin instead of its own.</summary>
    public string? UploadOrigin { get; set; }

    /// <summary>When set, the upload URL answers this status instead of taking the bytes.</summary>
    public int? FailUploadsWith { get; set; }

    private int _uploads;

    /// <summary>What auth.test answers with when not the default; e.g. "invalid_auth".</summary>
    public string? AuthTestError { get; set; }

    /// <summary>False makes new sockets stay silent (no hello), like a half-open connection.</summary>
    public bool SendsHello { get; set; } = true;

    public int Port { get; private set; }

    public string ApiBaseUrl => $"http://127.0.0.1:{Port}/api/";

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    public IReadOnlyList<FakeSocket> Sockets => _sockets.ToArray();

    public string NewResponseUrl() => $"http://127.0.0.1:{Port}/commands/{TeamId}/{Interlocked.Increment(ref _ts)}/s3cr3t";

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.HandleApiAsync);
        app.MapPost("/commands/{team}/{id}/{secret}", fake.HandleResponseUrlAsync);
        app.MapGet("/files-pri/{team}-{id}/{name}", fake.HandleDownload);
        app.MapPost("/upload/v1/{key}", fake.HandleUploadAsync);
        app.Map("/link", fake.HandleSocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Port = new Uri(address).Port;
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> gets 429 with Retry-After; calls before it has passed are violations.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) => _rateLimits[method] = (retryAfterSeconds, null);

    public async Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? HonchoBot.Tests.Shared.Signal.HangGuard);
        while (true)
        {
            Task changed;
            lock (_signalLock)
            {
                changed = _changed.Task;
            }

            var match = _calls.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The fake Slack did not receive the expected call. Calls: "
                    + string.Join(", ", _calls.Select(c => c.Method)) + ". Violations: " + string.Join("; ", Violations));
            }
        }
    }

    public Task<RecordedCall> WaitForMethodAsync(string method, Func<RecordedCall, bool>? predicate = null, TimeSpan? timeout = null) =>
        WaitForCallAsync(c => c.Method == method && (predicate?.Invoke(c) ?? true), timeout);

    public async Task<FakeSocket> WaitForSocketAsync(int index, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? HonchoBot.Tests.Shared.Signal.HangGuard);
        while (true)
        {
            Task changed;
            lock (_signalLock)
            {
                changed = _changed.Task;
            }

            var sockets = _sockets.ToArray();
            if (sockets.Length > index)
            {
                return sockets[index];
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Socket Mode connection #{index} was never opened.");
            }
        }
    }

    internal void Signal()
    {
        lock (_signalLock)
        {
            var old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            old.TrySetResult();
        }

        Eventually.Changes.Pulse();
    }

    private void Record(RecordedCall call)
    {
        _calls.Enqueue(call);
        Signal();
    }

    private async Task<IResult> HandleApiAsync(HttpContext context, string method)
    {
        var request = context.Request;
        var raw = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        var contentType = request.ContentType ?? string.Empty;
        JsonElement body = default;
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                body = JsonDocument.Parse(raw).RootElement.Clone();
            }
            catch (JsonException)
            {
                return Error("invalid_json");
            }
        }
        else if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(raw))
            {
                form[key] = value.ToString();
            }
        }
        else if (raw.Length > 0)
        {
            Violations.Enqueue($"{method}: unsupported content type '{contentType}'");
            return Error("invalid_form_data");
        }

        var auth = request.Headers.Authorization.ToString();
        var call = new RecordedCall(method, body, form, auth.Length == 0 ? null : auth, Clock.GetUtcNow());
        Record(call);

        if (method == "apps.connections.open" && HoldConnectionsOpen is { } hold)
        {
            // Lets a test decide when a replacement connection may come up (e.g. after an event on the old one).
            await hold.Task.WaitAsync(HonchoBot.Tests.Shared.Signal.HangGuard);
        }

        if (_rateLimits.TryGetValue(method, out var limit))
        {
            var now = Clock.GetUtcNow();
            if (limit.Until is null || now < limit.Until)
            {
                if (limit.Until is not null)
                {
                    Violations.Enqueue($"{method} called again before its Retry-After had passed");
                }

                _rateLimits[method] = (limit.Seconds, limit.Until ?? now.AddSeconds(limit.Seconds));
                context.Response.Headers.RetryAfter = limit.Seconds.ToString(CultureInfo.InvariantCulture);
                return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: 429);
            }

            _rateLimits.TryRemove(method, out _);
        }

        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        if (auth.Length == 0)
        {
            Violations.Enqueue($"{method} called without a token");
            return Error("not_authed");
        }

        if (auth != "Bearer " + expectedToken)
        {
            Violations.Enqueue($"{method} called with the wrong token");
            return Error("invalid_auth");
        }

        return method switch
        {
            "auth.test" => AuthTestError is { } error
                ? Error(error)
                : Results.Json(new { ok = true, url = "https://honcho.slack.com/", team = "Honcho Historians", user = "honchobot", team_id = TeamId, user_id = BotUserId, bot_id = BotId }),
            "chat.postMessage" => PostMessage(call),
            "chat.postEphemeral" => PostEphemeral(call),
            "apps.connections.open" => Results.Json(new { ok = true, url = $"ws://127.0.0.1:{Port}/link/?ticket=t{Interlocked.Increment(ref _ticket)}&app_id=A0001" }),
            "usergroups.users.list" => UserGroups.TryGetValue(call.Get("usergroup") ?? "", out var users)
                ? Results.Json(new { ok = true, users })
                : Error("no_such_subteam"),
            "files.info" => Files.TryGetValue(call.Get("file") ?? "", out var file)
                ? Results.Json(new
                {
                    ok = true,
                    file = new
                    {
                        id = file.Id, name = file.Name, title = file.Title, mimetype = "text/markdown", filetype = "markdown",
                        size = file.Content.Length,
                        url_private = $"http://127.0.0.1:{Port}/files-pri/{TeamId}-{file.Id}/{file.Name}",
                        url_private_download = $"http://127.0.0.1:{Port}/files-pri/{TeamId}-{file.Id}/{file.Name}",
                    },
                })
                : Error("file_not_found"),
            "chat.delete" => call.Get("channel") is null || call.Get("ts") is null
                ? Error("message_not_found")
                : Results.Json(new { ok = true, channel = call.Get("channel"), ts = call.Get("ts") }),
            "users.info" => call.Get("user") is { } user
                ? Results.Json(new { ok = true, user = new { id = user, name = "handle-" + user, real_name = "Real " + user, profile = new { display_name = "Display " + user } } })
                : Error("user_not_found"),
            "views.open" => call.Get("trigger_id") is null ? Error("invalid_arguments") : Results.Json(new { ok = true }),
            "files.getUploadURLExternal" => ReserveUpload(call),
            "files.completeUploadExternal" => CompleteUpload(call),
            "files.upload" => Retired(call),
            _ => Error("unknown_method"),
        };
    }

    private IResult PostMessage(RecordedCall call)
    {
        if (call.Body.ValueKind != JsonValueKind.Object)
        {
            Violations.Enqueue("chat.postMessage without a JSON body");
            return Error("invalid_arguments");
        }

        if (call.Get("channel") is null)
        {
            return Error("channel_not_found");
        }

        if (string.IsNullOrEmpty(call.Get("text")))
        {
            // With blocks, Slack still wants the text fallback (docs/platform-protocols.md).
            Violations.Enqueue("chat.postMessage without a text fallback");
            return Error("no_text");
        }

        if (CheckBlocks(call) is { } problem)
        {
            Violations.Enqueue("chat.postMessage: " + problem);
            return Error("invalid_blocks");
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        return Results.Json(new { ok = true, channel = call.Get("channel"), ts, message = new { text = call.Get("text"), bot_id = BotId, subtype = "bot_message", ts } });
    }

    /// <summary>Slack retired files.upload; a call to it is a misreading of the protocol.</summary>
    private IResult Retired(RecordedCall call)
    {
        Violations.Enqueue($"{call.Method} is retired; use files.getUploadURLExternal and files.completeUploadExternal");
        return Error("method_deprecated");
    }

    private IResult ReserveUpload(RecordedCall call)
    {
        var fileName = call.Get("filename");
        if (string.IsNullOrWhiteSpace(fileName) || !int.TryParse(call.Get("length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            Violations.Enqueue("files.getUploadURLExternal without a filename and a positive length");
            return Error("invalid_arguments");
        }

        var id = $"F0UPLOAD{Interlocked.Increment(ref _uploads):D4}";
        var upload = new FakeUpload(id, fileName, length, Guid.NewGuid().ToString("N"));
        Uploads[id] = upload;
        return Results.Json(new { ok = true, upload_url = $"{UploadOrigin ?? $"http://127.0.0.1:{Port}"}/upload/v1/{upload.Key}", file_id = id });
    }

    private async Task<IResult> HandleUploadAsync(HttpContext context, string key)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var auth = context.Request.Headers.Authorization.ToString();
        Record(new RecordedCall("upload_url", default, new Dictionary<string, string> { ["key"] = key, ["length"] = buffer.Length.ToString(CultureInfo.InvariantCulture) }, auth.Length == 0 ? null : auth, Clock.GetUtcNow()));
        if (FailUploadsWith is { } status)
        {
            return Results.StatusCode(status);
        }

        var upload = Uploads.Values.FirstOrDefault(u => u.Key == key);
        if (upload is null || upload.Content is not null)
        {
            Violations.Enqueue("upload_url used for no reserved upload, or twice");
            return Results.NotFound();
        }

        if (buffer.Length != upload.Length)
        {
            Violations.Enqueue($"upload_url got {buffer.Length} bytes, but {upload.Length} were reserved");
            return Results.BadRequest();
        }

        upload.Content = buffer.ToArray();
        return Results.Text($"OK - {buffer.Length}");
    }

    private IResult CompleteUpload(RecordedCall call)
    {
        JsonElement files;
        try
        {
            files = JsonDocument.Parse(call.Get("files") ?? "").RootElement.Clone();
        }
        catch (JsonException)
        {
            Violations.Enqueue("files.completeUploadExternal without a JSON files array");
            return Error("invalid_arguments");
        }

        if (files.ValueKind != JsonValueKind.Array || files.GetArrayLength() == 0)
        {
            Violations.Enqueue("files.completeUploadExternal with an empty files array");
            return Error("invalid_arguments");
        }

        var channel = call.Get("channel_id");
        var threadTs = call.Get("thread_ts");
        if (threadTs is not null && channel is null)
        {
            Violations.Enqueue("files.completeUploadExternal with thread_ts but no channel_id");
            return Error("invalid_arguments");
        }

        var completed = new List<FakeUpload>();
        foreach (var file in files.EnumerateArray())
        {
            var id = file.ValueKind == JsonValueKind.Object && file.TryGetProperty("id", out var v) ? v.GetString() : null;
            if (id is null || !Uploads.TryGetValue(id, out var upload) || upload.IsCompleted)
            {
                Violations.Enqueue($"files.completeUploadExternal for an unknown or already completed file {id}");
                return Error("file_not_found");
            }

            if (upload.Content is null)
            {
                Violations.Enqueue($"files.completeUploadExternal for {id} before its bytes were uploaded");
                return Error("file_upload_incomplete");
            }

            upload.Title = file.TryGetProperty("title", out var title) ? title.GetString() : null;
            completed.Add(upload);
        }

        foreach (var upload in completed)
        {
            upload.Channel = channel;
            upload.ThreadTs = threadTs;
            upload.IsCompleted = true;
        }

        return Results.Json(new { ok = true, files = completed.Select(u => new { id = u.Id, title = u.Title }) });
    }

    private IResult PostEphemeral(RecordedCall call)
    {
        if (call.Get("channel") is null || call.Get("user") is null)
        {
            Violations.Enqueue("chat.postEphemeral without channel or user");
            return Error("invalid_arguments");
        }

        if (CheckBlocks(call) is { } problem)
        {
            Violations.Enqueue("chat.postEphemeral: " + problem);
            return Error("invalid_blocks");
        }

        return Results.Json(new { ok = true, message_ts = "1700000000.000001" });
    }

    private async Task<IResult> HandleResponseUrlAsync(HttpContext context, string team, string id, string secret)
    {
        var raw = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            Violations.Enqueue("response_url got a body that is not JSON");
            return Results.BadRequest("invalid_payload");
        }

        var auth = context.Request.Headers.Authorization.ToString();
        var call = new RecordedCall("response_url", body, new Dictionary<string, string> { ["response_url_id"] = id }, auth.Length == 0 ? null : auth, Clock.GetUtcNow());
        Record(call);
        if (secret != "s3cr3t" || team != TeamId)
        {
            Violations.Enqueue("response_url posted to the wrong URL");
            return Results.NotFound("invalid_url");
        }

        if (CheckBlocks(call) is { } problem)
        {
            Violations.Enqueue("response_url: " + problem);
            return Results.BadRequest("invalid_blocks");
        }

        return Results.Text("ok");
    }

    private IResult HandleDownload(HttpContext context, string team, string id, string name)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        Record(new RecordedCall("files.download", default, new Dictionary<string, string> { ["file"] = id }, auth.Length == 0 ? null : auth, Clock.GetUtcNow()));
        if (auth != "Bearer " + BotToken)
        {
            // Slack serves a login page (or 403) without the bearer token.
            Violations.Enqueue("url_private fetched without the bot token");
            return Results.StatusCode(403);
        }

        return Files.TryGetValue(id, out var file) ? Results.Bytes(file.Content, "application/octet-stream") : Results.NotFound();
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["ticket"].Count == 0)
        {
            Violations.Enqueue("Socket Mode connection without a WebSocket upgrade or ticket");
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(ws, this, _sockets.Count);
        _sockets.Enqueue(socket);
        if (SendsHello)
        {
            await SendHelloAsync(socket);
        }

        Signal();
        await socket.RunAsync(context.RequestAborted);
        Signal();
    }

    private Task SendHelloAsync(FakeSocket socket) =>
        socket.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = _sockets.Count(s => !s.IsClosed),
            ["connection_info"] = new JsonObject { ["app_id"] = "A0001" },
            ["debug_info"] = new JsonObject { ["host"] = "fake-slack", ["approximate_connection_time"] = 18060 },
        });

    /// <summary>Block Kit limits (docs/platform-protocols.md): 50 blocks, section text 1–3000, ≤ 10 context elements.</summary>
    internal static string? CheckBlocks(RecordedCall call)
    {
        if (call.Body.ValueKind != JsonValueKind.Object || !call.Body.TryGetProperty("blocks", out var blocks))
        {
            return null;
        }

        if (blocks.GetArrayLength() > 50)
        {
            return $"{blocks.GetArrayLength()} blocks (limit 50)";
        }

        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.GetProperty("type").GetString();
            if (type == "section")
            {
                var text = block.GetProperty("text").GetProperty("text").GetString() ?? "";
                if (text.Length is < 1 or > 3000)
                {
                    return $"section text of {text.Length} characters (limit 1–3000)";
                }
            }
            else if (type == "context")
            {
                var elements = block.GetProperty("elements");
                if (elements.GetArrayLength() is < 1 or > 10)
                {
                    return $"context block with {elements.GetArrayLength()} elements (limit 10)";
                }
            }
            else if (type == "actions")
            {
                // Block Kit: 1–25 elements; a button's text is plain_text of at most 75 characters, action_id at most
                // 255 and value at most 2000; action_ids are unique within the block.
                var elements = block.GetProperty("elements");
                if (elements.GetArrayLength() is < 1 or > 25)
                {
                    return $"actions block with {elements.GetArrayLength()} elements (limit 1–25)";
                }

                var ids = new HashSet<string>();
                foreach (var element in elements.EnumerateArray())
                {
                    var actionId = element.TryGetProperty("action_id", out var a) ? a.GetString() ?? "" : "";
                    var label = element.GetProperty("text");
                    if (element.GetProperty("type").GetString() != "button" || label.GetProperty("type").GetString() != "plain_text"
                        || (label.GetProperty("text").GetString() ?? "").Length is < 1 or > 75
                        || actionId.Length is < 1 or > 255
                        || (element.TryGetProperty("value", out var v) && (v.GetString() ?? "").Length > 2000))
                    {
                        return "a button that breaks Block Kit's limits";
                    }

                    if (!ids.Add(actionId))
                    {
                        return $"duplicate action_id {actionId} in one actions block";
                    }
                }
            }
            else if (type is not ("divider" or "header" or "input"))
            {
                return $"unexpected block type {type}";
            }
        }

        return null;
    }

    private static IResult Error(string error) => Results.Json(new { ok = false, error });

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            socket.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
