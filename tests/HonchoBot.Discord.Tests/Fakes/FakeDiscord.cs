using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HonchoBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>A request the fake REST API received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt,
    int Status,
    IReadOnlyList<RecordedFile>? Files = null)
{
    /// <summary>The files of a multipart upload (none for a JSON request); <see cref="Body"/> is then its <c>payload_json</c>.</summary>
    public IReadOnlyList<RecordedFile> Uploads => Files ?? [];

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A strict fake of Discord on 127.0.0.1 with an ephemeral port: REST API v10 and a WebSocket gateway.
/// It rejects what Discord rejects (docs/platform-protocols.md; strict, so a misreading of the protocol fails here): a wrong or missing
/// <c>Authorization</c>, a missing <c>DiscordBot</c> User-Agent, a request before <c>retry_after</c>, a
/// message without <c>allowed_mentions</c>, embeds over the limits, a second callback for one
/// interaction, and a PATCH of <c>@original</c> before the interaction was acknowledged. Every rejection
/// of that kind is also listed in <see cref="Violations"/>, which tests assert to be empty.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.bot-token-do-not-log";
    public const string ApplicationId = "1100000000000000001";
    public const string BotUserId = "1100000000000000001";

    /// <summary>RFC 8032 §7.1 TEST 1 (docs/platform-protocols.md): the fake signs interactions with it.</summary>
    public const string SecretKeyHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, FakeInteraction> _interactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset BlockedUntil, int Remaining, DateTimeOffset ResetAt)> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string PathPrefix, double RetryAfter, bool Global)> _scripted429 = new();
    private readonly ConcurrentQueue<(string PathPrefix, int Status)> _scriptedErrors = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;
    private long _nextMessageId = 1300000000000000100;

    private FakeDiscord(WebApplication app)
    {
        _app = app;
        Gateway = new FakeGateway(this);
    }

    public Signal Changed { get; } = new();

    public FakeGateway Gateway { get; }

    public string Origin { get; private set; } = string.Empty;

    public string ApiBaseUrl => Origin + "/api/v10";

    public string GatewayUrl => Origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeGatewayUrl => Origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway-resume";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>When set, every bucket answers with this limit and a window of <see cref="BucketWindow"/>.</summary>
    public int? BucketLimit { get; set; }

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary><c>session_start_limit.remaining</c> and <c>reset_after</c> (ms) in <c>GET /gateway/bot</c>.</summary>
    public int SessionStartRemaining { get; set; } = 999;

    public int SessionStartResetAfterMs { get; set; } = 14_400_000;

    /// <summary><c>shards</c> in <c>GET /gateway/bot</c>: the shard count Discord recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.Gateway.AcceptAsync);
        app.Map("/gateway-resume", fake.Gateway.AcceptAsync);
        app.Map("/api/v10/{**path}", fake.HandleRestAsync);
        app.Map("/cdn/{**path}", (HttpContext c) => c.Response.WriteAsync("# A pasted source\n\nThe MiG-15 flew from Antung."));
        await app.StartAsync();
        fake.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The next request whose path starts with <paramref name="pathPrefix"/> gets a 429.</summary>
    public void RateLimitNext(string pathPrefix, double retryAfterSeconds, bool global = false) =>
        _scripted429.Enqueue((pathPrefix, retryAfterSeconds, global));

    /// <summary>The next request whose path starts with <paramref name="pathPrefix"/> gets <paramref name="status"/>.</summary>
    public void FailNext(string pathPrefix, int status) => _scriptedErrors.Enqueue((pathPrefix, status));

    public Task WaitForRequestsAsync(Func<RecordedRequest, bool> match, int count = 1, string? what = null, TimeSpan? timeout = null) =>
        Changed.WaitUntilAsync(() => _requests.Count(match) >= count, what ?? $"{count} matching REST request(s)", timeout);

    /// <summary>An interaction as Discord would create it; delivered over the gateway or HTTP by the caller.</summary>
    public FakeInteraction NewInteraction(JsonObject payload)
    {
        var id = payload["id"]!.GetValue<string>();
        var token = payload["token"]!.GetValue<string>();
        var interaction = new FakeInteraction(id, token);
        _interactions[token] = interaction;
        return interaction;
    }

    /// <summary>
    /// Delivers an interaction to the bot's HTTP endpoint the way Discord does: signed with the
    /// application key over timestamp + body. The HTTP response is the initial response.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> DeliverOverHttpAsync(HttpClient bot, FakeInteraction interaction, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var response = await bot.SendAsync(SignedRequest(body, timestamp, Sign(timestamp + body)));
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
        if (response.IsSuccessStatusCode && json?["type"] is { } type)
        {
            interaction.Acknowledge(type.GetValue<int>());
            Changed.Pulse();
        }

        return (response.StatusCode, json);
    }

    public static HttpRequestMessage SignedRequest(string body, string timestamp, string signatureHex)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", signatureHex);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public static string Sign(string message)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(SecretKeyHex), KeyBlobFormat.RawPrivateKey);
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(message)));
    }

    internal void Violation(string what)
    {
        _violations.Enqueue(what);
        Changed.Pulse();
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var path = "/" + (string?)context.Request.RouteValues["path"];
        var method = context.Request.Method;
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw);
        var body = Encoding.UTF8.GetString(raw.ToArray());
        IReadOnlyList<RecordedFile>? files = null;
        List<string>? uploadProblems = null;
        if (MultipartUpload.IsMultipart(context.Request.ContentType))
        {
            // An upload: the message is its payload_json; the strict rules for the parts are checked below.
            var upload = await MultipartUpload.ReadAsync(context.Request.ContentType!, raw.ToArray());
            body = upload.PayloadJson ?? "";
            files = upload.Files;
            uploadProblems = upload.Problems;
        }

        // Discord handles an interaction's initial response before edits of it; a PATCH racing the HTTP
        // response gets a moment for that response to land (awaited, not blocking a thread).
        if (WebhookRoute().Match(path) is { Success: true } webhook && _interactions.TryGetValue(webhook.Groups[2].Value, out var pending))
        {
            try
            {
                await pending.Acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                // Decided below: an edit before the acknowledgement is refused.
            }
        }
        var (status, response) = uploadProblems is { Count: > 0 } ? RejectUpload(method, path, uploadProblems) : Decide(context, method, path, body, isUpload: files is not null);
        _requests.Enqueue(new RecordedRequest(
            method,
            path,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
            context.Request.ContentType,
            body,
            DateTimeOffset.UtcNow,
            status,
            files));
        context.Response.StatusCode = status;
        if (response is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.ToJsonString());
        }

        Changed.Pulse();
    }

    private (int Status, JsonNode? Body) RejectUpload(string method, string path, List<string> problems)
    {
        foreach (var problem in problems)
        {
            Violation($"{method} {path}: {problem}");
        }

        return (400, Error(50035, "Invalid Form Body"));
    }

    private (int Status, JsonNode? Body) Decide(HttpContext context, string method, string path, string body, bool isUpload)
    {
        var isTokenRoute = path.StartsWith("/interactions/", StringComparison.Ordinal) || path.StartsWith("/webhooks/", StringComparison.Ordinal);
        var userAgent = context.Request.Headers.UserAgent.ToString();
        if (!userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal) || !userAgent.Contains(')', StringComparison.Ordinal))
        {
            Violation($"{method} {path}: missing or malformed User-Agent '{userAgent}'");
            return (403, Error(0, "Cloudflare: bad User-Agent"));
        }

        var auth = context.Request.Headers.Authorization.ToString();
        if ((!isTokenRoute || auth.Length > 0) && auth != "Bot " + Token)
        {
            Violation($"{method} {path}: missing or wrong Authorization");
            return (401, Error(0, "401: Unauthorized"));
        }

        if (body.Length > 0 && !isUpload && context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Violation($"{method} {path}: body without application/json");
            return (400, Error(50035, "Invalid Form Body"));
        }

        var now = DateTimeOffset.UtcNow;
        var bucket = BucketKey(method, path);
        if (!isTokenRoute && now < _globalBlockedUntil)
        {
            Violation($"{method} {path}: sent before the global retry_after");
            return TooMany(context, (_globalBlockedUntil - now).TotalSeconds, global: true);
        }

        if (_buckets.TryGetValue(bucket, out var state) && now < state.BlockedUntil)
        {
            Violation($"{method} {path}: sent {(state.BlockedUntil - now).TotalMilliseconds:0} ms before retry_after");
            return TooMany(context, (state.BlockedUntil - now).TotalSeconds, global: false);
        }

        if (TryDequeue(_scripted429, path, out var limited))
        {
            var until = now + TimeSpan.FromSeconds(limited.RetryAfter);
            if (limited.Global)
            {
                _globalBlockedUntil = until;
            }
            else
            {
                _buckets[bucket] = (until, 0, until);
            }

            return TooMany(context, limited.RetryAfter, limited.Global);
        }

        if (TryDequeue(_scriptedErrors, path, out var failure))
        {
            return (failure.Status, Error(failure.Status == 403 ? 50013 : 0, failure.Status == 403 ? "Missing Permissions" : "Server error"));
        }

        if (BucketLimit is { } limit)
        {
            var s = _buckets.GetValueOrDefault(bucket, (BlockedUntil: DateTimeOffset.MinValue, Remaining: limit, ResetAt: now + BucketWindow));
            if (now >= s.ResetAt)
            {
                s = (BlockedUntil: DateTimeOffset.MinValue, Remaining: limit, ResetAt: now + BucketWindow);
            }

            if (s.Remaining <= 0)
            {
                Violation($"{method} {path}: sent with X-RateLimit-Remaining 0 before the reset");
                _buckets[bucket] = (s.ResetAt, 0, s.ResetAt);
                return TooMany(context, (s.ResetAt - now).TotalSeconds, global: false);
            }

            s.Remaining--;
            _buckets[bucket] = s;
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = s.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset-After"] = (s.ResetAt - now).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Bucket"] = "bucket-" + bucket.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture);
        }

        return Route(method, path, body);
    }

    private (int Status, JsonNode? Body) Route(string method, string path, string body)
    {
        if (method == "GET" && path == "/gateway/bot")
        {
            return (200, new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = RecommendedShards,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = SessionStartRemaining, ["reset_after"] = SessionStartResetAfterMs, ["max_concurrency"] = 1 },
            });
        }

        if (method == "PUT" && CommandsRoute().Match(path) is { Success: true })
        {
            var problems = CommandSchema.Validate(JsonNode.Parse(body));
            foreach (var p in problems)
            {
                Violation($"PUT {path}: {p}");
            }

            return problems.Count == 0 ? (200, JsonNode.Parse(body)) : (400, Error(50035, "Invalid Form Body"));
        }

        if (method == "POST" && ChannelMessagesRoute().Match(path) is { Success: true } m)
        {
            return CheckMessage(method, path, JsonNode.Parse(body), out var error)
                ? (200, new JsonObject { ["id"] = NextId(), ["channel_id"] = m.Groups[1].Value })
                : (400, error);
        }

        if (method == "DELETE" && ChannelMessageRoute().IsMatch(path))
        {
            return (204, null);
        }

        if (CallbackRoute().Match(path) is { Success: true } cb && method == "POST")
        {
            if (!_interactions.TryGetValue(cb.Groups[2].Value, out var interaction) || interaction.Id != cb.Groups[1].Value)
            {
                Violation($"callback for an unknown interaction");
                return (404, Error(10062, "Unknown interaction"));
            }

            if (interaction.Acknowledged.Task.IsCompleted)
            {
                Violation($"second callback for interaction {interaction.Id}");
                return (400, Error(40060, "Interaction has already been acknowledged."));
            }

            var json = JsonNode.Parse(body);
            var type = json?["type"]?.GetValue<int>() ?? 0;
            if (type is 4 or 7 && !CheckMessage(method, "callback", json?["data"], out var error))
            {
                return (400, error);
            }

            interaction.Acknowledge(type);
            return (204, null);
        }

        if (WebhookRoute().Match(path) is { Success: true } wh)
        {
            if (wh.Groups[1].Value != ApplicationId || !_interactions.TryGetValue(wh.Groups[2].Value, out var interaction))
            {
                Violation($"{method} webhook for an unknown interaction");
                return (404, Error(10015, "Unknown Webhook"));
            }

            if (!interaction.Acknowledged.Task.IsCompleted)
            {
                Violation($"{method} webhook before the interaction was acknowledged");
                return (404, Error(10008, "Unknown Message"));
            }

            if (method == "DELETE")
            {
                return (204, null);
            }

            var json = JsonNode.Parse(body);
            if (!CheckMessage(method, "webhook", json, out var error))
            {
                return (400, error);
            }

            interaction.Edits.Enqueue(json!);
            return (200, new JsonObject { ["id"] = NextId() });
        }

        Violation($"{method} {path}: no such route");
        return (404, Error(0, "404: Not Found"));
    }

    /// <summary>The message rules every send must meet: allowed_mentions with parse, and the limits of docs/platform-protocols.md.</summary>
    private bool CheckMessage(string method, string path, JsonNode? message, out JsonNode error)
    {
        error = Error(50035, "Invalid Form Body");
        var problems = MessageRules.Check(message);
        foreach (var p in problems)
        {
            Violation($"{method} {path}: {p}");
        }

        return problems.Count == 0;
    }

    private string NextId() => Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture);

    private static (int, JsonNode) TooMany(HttpContext context, double retryAfter, bool global)
    {
        context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        if (global)
        {
            context.Response.Headers["X-RateLimit-Global"] = "true";
        }

        context.Response.Headers["X-RateLimit-Scope"] = global ? "global" : "user";
        return (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = Math.Round(retryAfter, 3), ["global"] = global });
    }

    private static JsonObject Error(int code, string message) => new() { ["code"] = code, ["message"] = message };

    private static bool TryDequeue(ConcurrentQueue<(string PathPrefix, double RetryAfter, bool Global)> queue, string path, out (string PathPrefix, double RetryAfter, bool Global) item)
    {
        item = default;
        return queue.TryPeek(out var next) && path.StartsWith(next.PathPrefix, StringComparison.Ordinal) && queue.TryDequeue(out item);
    }

    private static bool TryDequeue(ConcurrentQueue<(string PathPrefix, int Status)> queue, string path, out (string PathPrefix, int Status) item)
    {
        item = default;
        return queue.TryPeek(out var next) && path.StartsWith(next.PathPrefix, StringComparison.Ordinal) && queue.TryDequeue(out item);
    }

    private static string BucketKey(string method, string path) =>
        method + " " + string.Join('/', path.Split('/').Select((p, i) => i > 2 && p.All(char.IsAsciiDigit) && p.Length > 0 ? "{id}" : p));

    public async ValueTask DisposeAsync()
    {
        await Gateway.CloseAllAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"^/applications/\d+(/guilds/\d+)?/commands$")]
    private static partial Regex CommandsRoute();

    [GeneratedRegex(@"^/channels/(\d+)/messages$")]
    private static partial Regex ChannelMessagesRoute();

    [GeneratedRegex(@"^/channels/(\d+)/messages/(\d+)$")]
    private static partial Regex ChannelMessageRoute();

    [GeneratedRegex(@"^/interactions/(\d+)/([^/]+)/callback$")]
    private static partial Regex CallbackRoute();

    [GeneratedRegex(@"^/webhooks/(\d+)/([^/]+)(/messages/@original)?$")]
    private static partial Regex WebhookRoute();
}

/// <summary>An interaction the fake created: its acknowledgement and the edits of its original response.</summary>
public sealed class FakeInteraction(string id, string token)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    public TaskCompletionSource<int> Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<JsonNode> Edits { get; } = new();

    public void Acknowledge(int type) => Acknowledged.TrySetResult(type);
}
