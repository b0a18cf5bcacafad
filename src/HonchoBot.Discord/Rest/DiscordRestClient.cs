using HonchoBot.Core.Net;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Telemetry;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Rest;

/// <summary>
/// Speaks Discord REST v10 (docs/platform-protocols.md): <c>Authorization: Bot</c>, the required User-Agent, JSON
/// bodies, rate-limit buckets and bounded retries. Logs name routes by template; tokens never appear.
/// </summary>
internal sealed partial class DiscordRestClient(
    IHttpClientFactory httpClients,
    DiscordRateLimiter limiter,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger,
    HonchoMetrics? metrics = null) : IDiscordRestClient
{
    /// <summary>Named client; its default request logging is removed because it prints full URIs with tokens.</summary>
    public const string HttpClientName = "HonchoBot.Discord";

    /// <summary>Required format <c>DiscordBot ($url, $versionNumber)</c> (docs/platform-protocols.md).</summary>
    public const string UserAgent = "DiscordBot (https://github.com/honchobot/honchobot, 1.0)";

    private const int MaxAttempts = 4;
    /// <summary>Retries of 5xx and network failures: 0.5 s doubling to 8 s, jittered.</summary>
    private static readonly Backoff RetryBackoff = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(8), Random.Shared.NextDouble);

    private readonly DiscordOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, byte> _forbiddenChannels = new(StringComparer.Ordinal);
    private long _invalidRequests;

    /// <summary>401, 403 and 429 responses: Discord bans an IP past 10,000 in 10 minutes (docs/platform-protocols.md).</summary>
    public long InvalidRequestCount => Interlocked.Read(ref _invalidRequests);

    public Task<DiscordRestResult> CreateMessageAsync(string channelId, DiscordMessage message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/channels/{channelId}/messages", message, cancellationToken);

    public Task<DiscordRestResult> CreateMessageAsync(string channelId, DiscordMessage message, DiscordFile file, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/channels/{channelId}/messages", message, file, cancellationToken);

    public Task<DiscordRestResult> DeleteMessageAsync(string channelId, string messageId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"/channels/{channelId}/messages/{messageId}", null, cancellationToken);

    public Task<DiscordRestResult> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/interactions/{interactionId}/{interactionToken}/callback", response, cancellationToken);

    public Task<DiscordRestResult> EditOriginalResponseAsync(string interactionToken, DiscordMessage message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"/webhooks/{_options.ApplicationId}/{interactionToken}/messages/@original", message, cancellationToken);

    public Task<DiscordRestResult> EditOriginalResponseAsync(string interactionToken, DiscordMessage message, DiscordFile file, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"/webhooks/{_options.ApplicationId}/{interactionToken}/messages/@original", message, file, cancellationToken);

    public Task<DiscordRestResult> CreateFollowupAsync(string interactionToken, DiscordMessage message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/webhooks/{_options.ApplicationId}/{interactionToken}", message, cancellationToken);

    public Task<DiscordRestResult> BulkOverwriteCommandsAsync(string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Put,
            guildId is null
                ? $"/applications/{_options.ApplicationId}/commands"
                : $"/applications/{_options.ApplicationId}/guilds/{guildId}/commands",
            commands,
            cancellationToken);

    public Task<DiscordRestResult> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/gateway/bot", null, cancellationToken);

    internal Task<DiscordRestResult> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body, null, cancellationToken);

    /// <summary>Sends <paramref name="body"/> as JSON, or with <paramref name="file"/> as multipart/form-data (docs/platform-protocols.md).</summary>
    internal async Task<DiscordRestResult> SendAsync(HttpMethod method, string path, object? body, DiscordFile? file, CancellationToken cancellationToken)
    {
        var route = new RestRoute(method, path);
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), DiscordJson.Options);
        DiscordRestResult? last = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var bucket = await limiter.AcquireAsync(route, cancellationToken);
            HttpResponseMessage? response = null;
            try
            {
                using var request = BuildRequest(route, json, file);
                response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                limiter.Release(route, bucket, null);
                LogNetworkFailure(logger, route.LogName, attempt, ex.Message);
                last = new DiscordRestResult(0, null, "network failure", null);
                if (attempt < MaxAttempts)
                {
                    await Task.Delay(Backoff(attempt), time, cancellationToken);
                }

                continue;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout, not ours: treat like a dropped connection.
                limiter.Release(route, bucket, null);
                LogNetworkFailure(logger, route.LogName, attempt, "timeout");
                last = new DiscordRestResult(0, null, "timeout", null);
                if (attempt < MaxAttempts)
                {
                    await Task.Delay(Backoff(attempt), time, cancellationToken);
                }

                continue;
            }

            using (response)
            {
                DiscordRestResult result;
                try
                {
                    result = await ReadResultAsync(response, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        // Block the bucket (or everything) before releasing it, so no waiting sender slips through.
                        var retryAfter = RetryAfter(response, result);
                        var isGlobal = result.Body is { } b && b.ValueKind == JsonValueKind.Object
                            && b.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
                        limiter.OnRateLimited(bucket, retryAfter, isGlobal);
                        LogRateLimited(logger, route.LogName, retryAfter.TotalSeconds, isGlobal);
                    }
                }
                finally
                {
                    limiter.Release(route, bucket, response.Headers);
                }

                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    metrics?.RecordRest429(ChatPlatform.Discord);

                    // A shared-resource 429 does not count toward the invalid-request ban (docs/platform-protocols.md).
                    if (!(response.Headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Contains("shared")))
                    {
                        Interlocked.Increment(ref _invalidRequests);
                    }

                    last = result;
                    continue; // The limiter holds the next attempt until retry_after has passed.
                }

                if (status >= 500 && attempt < MaxAttempts)
                {
                    LogServerError(logger, route.LogName, status, attempt);
                    last = result;
                    await Task.Delay(Backoff(attempt), time, cancellationToken);
                    continue;
                }

                if (status is 401 or 403)
                {
                    Interlocked.Increment(ref _invalidRequests);
                    ReportRefusal(route, path, status, result);
                }
                else if (!result.IsSuccess)
                {
                    LogClientError(logger, route.LogName, status, result.ErrorCode, result.ErrorMessage);
                }

                return result;
            }
        }

        LogGaveUp(logger, route.LogName, MaxAttempts);
        return last ?? new DiscordRestResult(0, null, "no response", null);
    }

    private HttpRequestMessage BuildRequest(RestRoute route, string? json, DiscordFile? file)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_options.ApiBaseUrl.TrimEnd('/') + route.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (!route.IsInteraction)
        {
            // Interaction callbacks and webhooks authenticate with the token in the path.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        if (file is not null)
        {
            // Uploads: the JSON goes in payload_json and the file in files[0], matched by attachments[].id = 0.
            var form = new MultipartFormDataContent { { new StringContent(json ?? "{}", Encoding.UTF8, "application/json"), "payload_json" } };
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(bytes, "files[0]", file.FileName);
            request.Content = form;
        }
        else if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<DiscordRestResult> ReadResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement? body = null;
        int? code = null;
        string? message = null;
        if (text.Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                body = doc.RootElement.Clone();
                if (!response.IsSuccessStatusCode && body.Value.ValueKind == JsonValueKind.Object)
                {
                    if (body.Value.TryGetProperty("code", out var c) && c.TryGetInt32(out var ci))
                    {
                        code = ci;
                    }

                    if (body.Value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    {
                        message = m.GetString();
                    }
                }
            }
            catch (JsonException)
            {
                message = response.IsSuccessStatusCode ? null : "non-JSON error body";
            }
        }

        return new DiscordRestResult((int)response.StatusCode, code, message, body);
    }

    /// <summary><c>retry_after</c> from the body, else the <c>Retry-After</c> header (docs/platform-protocols.md).</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response, DiscordRestResult result)
    {
        if (result.Body is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            return TimeSpan.FromSeconds(header);
        }

        return TimeSpan.FromSeconds(1);
    }

    private static TimeSpan Backoff(int attempt) => RetryBackoff.For(attempt - 1);

    /// <summary>
    /// 401/403 are never retried (they count toward the invalid-request ban). A missing permission in a
    /// channel is logged once per channel, not once per message (docs/platform-protocols.md).
    /// </summary>
    private void ReportRefusal(RestRoute route, string path, int status, DiscordRestResult result)
    {
        if (status == 401)
        {
            LogUnauthorized(logger, route.LogName);
            return;
        }

        var channel = path.StartsWith("/channels/", StringComparison.Ordinal) ? path.Split('/')[2] : route.LogName;
        if (_forbiddenChannels.TryAdd(channel, 0))
        {
            LogForbidden(logger, route.LogName, channel, result.ErrorCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: network failure on attempt {Attempt}: {Reason}")]
    private static partial void LogNetworkFailure(ILogger logger, string route, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: rate limited, retrying after {RetryAfterSeconds:0.###} s (global: {IsGlobal})")]
    private static partial void LogRateLimited(ILogger logger, string route, double retryAfterSeconds, bool isGlobal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: server error {Status} on attempt {Attempt}, retrying")]
    private static partial void LogServerError(ILogger logger, string route, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: {Status} (code {Code}): {Message}")]
    private static partial void LogClientError(ILogger logger, string route, int status, int? code, string? message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord {Route}: gave up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string route, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord {Route}: 401 Unauthorized — check Discord:Token")]
    private static partial void LogUnauthorized(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Route}: missing permission in {Channel} (code {Code}); not retried, logged once per channel")]
    private static partial void LogForbidden(ILogger logger, string route, string channel, int? code);
}
