using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Telemetry;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.WebApi;

/// <summary>
/// Speaks the Slack Web API over <see cref="HttpClient"/> (docs/platform-protocols.md). Tokens go in the
/// <c>Authorization</c> header, only to the configured API base or Slack's hosts; URLs and tokens are never logged.
/// </summary>
public sealed partial class SlackApiClient(
    HttpClient http,
    IOptions<SlackOptions> options,
    SlackHostPolicy hosts,
    TimeProvider time,
    ILogger<SlackApiClient> logger,
    HonchoMetrics? metrics = null) : ISlackApi
{
    /// <summary>How many 429s in a row one call waits out before giving up with <c>ratelimited</c>.</summary>
    internal const int MaxRateLimitRetries = 3;

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private readonly MethodRateGate _gate = new(time);

    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken)
    {
        var root = await CallFormAsync("auth.test", [], BotToken, cancellationToken);
        return new SlackAuthInfo(
            GetString(root, "user_id") ?? throw new SlackApiException("auth.test", "invalid_response", "no user_id"),
            GetString(root, "bot_id"),
            GetString(root, "team_id"),
            GetString(root, "team"));
    }

    public async Task<string?> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var payload = message.WriteTo(new JsonObject { ["channel"] = channel });
        if (threadTs is not null)
        {
            payload["thread_ts"] = threadTs;
        }

        // Citations carry links; unfurling them would bury the answer under previews.
        payload["unfurl_links"] = false;
        payload["unfurl_media"] = false;
        var root = await CallJsonAsync("chat.postMessage", payload, BotToken, cancellationToken);
        return GetString(root, "ts");
    }

    public async Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var payload = message.WriteTo(new JsonObject { ["channel"] = channel, ["user"] = user });
        if (threadTs is not null)
        {
            payload["thread_ts"] = threadTs;
        }

        await CallJsonAsync("chat.postEphemeral", payload, BotToken, cancellationToken);
    }

    public async Task DeleteMessageAsync(string channel, string ts, CancellationToken cancellationToken) =>
        await CallJsonAsync("chat.delete", new JsonObject { ["channel"] = channel, ["ts"] = ts }, BotToken, cancellationToken);

    public async Task RespondAsync(string responseUrl, SlackMessage message, bool isInChannel, CancellationToken cancellationToken)
    {
        if (!hosts.IsTrusted(responseUrl))
        {
            throw new SlackApiException("response_url", "untrusted_host", "response_url is not on a Slack host");
        }

        var payload = message.WriteTo(new JsonObject
        {
            ["response_type"] = isInChannel ? "in_channel" : "ephemeral",
            ["replace_original"] = false,
        });
        const string Method = "response_url";
        for (var attempt = 0; ; attempt++)
        {
            await _gate.WaitAsync(Method, cancellationToken);

            // No Authorization header: the response_url is itself the credential (docs/platform-protocols.md).
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(responseUrl)) { Content = JsonContent(payload) };
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxRateLimitRetries)
            {
                BlockAfter429(Method, response);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new SlackApiException(Method, Short(body, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)));
            }

            return;
        }
    }

    public async Task<SlackFileInfo> GetFileInfoAsync(string fileId, CancellationToken cancellationToken)
    {
        var root = await CallFormAsync("files.info", [new("file", fileId)], BotToken, cancellationToken);
        if (!root.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.Object)
        {
            throw new SlackApiException("files.info", "invalid_response", "no file object");
        }

        return new SlackFileInfo(
            GetString(file, "id") ?? fileId,
            GetString(file, "name"),
            GetString(file, "title"),
            GetString(file, "mimetype"),
            file.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) ? bytes : -1,
            GetString(file, "url_private"),
            GetString(file, "url_private_download"));
    }

    public async Task<byte[]> DownloadFileAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        const string Method = "files.download";
        if (!hosts.IsTrusted(url))
        {
            // The bot token must never leave Slack's hosts (docs/platform-protocols.md).
            throw new SlackApiException(Method, "untrusted_host", "url_private is not on a Slack host");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(Method, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        if (response.Content.Headers.ContentLength is long length && length > maxBytes)
        {
            throw new SlackApiException(Method, "file_too_large");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new SlackApiException(Method, "file_too_large");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public async Task<string> UploadFileAsync(string channel, string? threadTs, string fileName, string title, byte[] content, CancellationToken cancellationToken)
    {
        var reserved = await CallFormAsync(
            "files.getUploadURLExternal",
            [new("filename", fileName), new("length", content.Length.ToString(CultureInfo.InvariantCulture))],
            BotToken,
            cancellationToken);
        var fileId = GetString(reserved, "file_id") ?? throw new SlackApiException("files.getUploadURLExternal", "invalid_response", "no file_id");
        var uploadUrl = GetString(reserved, "upload_url");
        if (!hosts.IsTrusted(uploadUrl))
        {
            throw new SlackApiException("upload_url", "untrusted_host", "upload_url is not on a Slack host");
        }

        // The upload URL is signed for this one file: it needs no token, so none is sent.
        using (var upload = new HttpRequestMessage(HttpMethod.Post, new Uri(uploadUrl!)) { Content = new ByteArrayContent(content) })
        {
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await http.SendAsync(upload, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("upload_url", "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
        }

        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }).ToJsonString();
        KeyValuePair<string, string>[] complete = threadTs is null
            ? [new("files", files), new("channel_id", channel)]
            : [new("files", files), new("channel_id", channel), new("thread_ts", threadTs)];
        await CallFormAsync("files.completeUploadExternal", complete, BotToken, cancellationToken);
        return fileId;
    }

    public async Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        var root = await CallFormAsync("usergroups.users.list", [new("usergroup", userGroupId)], BotToken, cancellationToken);
        if (!root.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return users.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).ToList();
    }

    public async Task<string?> GetUserNameAsync(string userId, CancellationToken cancellationToken)
    {
        var root = await CallFormAsync("users.info", [new("user", userId)], BotToken, cancellationToken);
        if (!root.TryGetProperty("user", out var user))
        {
            return null;
        }

        var profileName = user.TryGetProperty("profile", out var profile) ? GetString(profile, "display_name") : null;
        return new[] { profileName, GetString(user, "real_name"), GetString(user, "name") }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
    }

    public async Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        await CallJsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, BotToken, cancellationToken);

    public async Task<Uri> OpenSocketModeUrlAsync(CancellationToken cancellationToken)
    {
        var appToken = options.Value.AppToken;
        if (string.IsNullOrWhiteSpace(appToken))
        {
            throw new SlackApiException("apps.connections.open", "not_authed", "Slack:AppToken is not set");
        }

        // Token in the header, not a parameter (docs/platform-protocols.md).
        var root = await CallFormAsync("apps.connections.open", [], appToken, cancellationToken);
        var url = GetString(root, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !hosts.IsTrusted(uri))
        {
            throw new SlackApiException("apps.connections.open", "invalid_response", "the Socket Mode URL is missing or not on a Slack host");
        }

        return uri;
    }

    private string BotToken => options.Value.BotToken
        ?? throw new SlackApiException("auth", "not_authed", "Slack:BotToken is not set");

    private Task<JsonElement> CallFormAsync(string method, KeyValuePair<string, string>[] fields, string token, CancellationToken cancellationToken) =>
        CallAsync(method, () => new FormUrlEncodedContent(fields), token, cancellationToken);

    private Task<JsonElement> CallJsonAsync(string method, JsonObject payload, string token, CancellationToken cancellationToken) =>
        CallAsync(method, () => JsonContent(payload), token, cancellationToken);

    private async Task<JsonElement> CallAsync(string method, Func<HttpContent> content, string token, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ApiBaseUri, method);
        for (var attempt = 0; ; attempt++)
        {
            await _gate.WaitAsync(method, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (attempt >= MaxRateLimitRetries)
                {
                    BlockAfter429(method, response);
                    throw new SlackApiException(method, "ratelimited");
                }

                BlockAfter429(method, response);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(method, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            JsonElement root;
            try
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new SlackApiException(method, "invalid_response", "the body is not JSON");
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                throw new SlackApiException(method, GetString(root, "error") ?? "unknown_error", GetString(root, "needed"));
            }

            return root;
        }
    }

    private void BlockAfter429(string method, HttpResponseMessage response)
    {
        metrics?.RecordRest429(ChatPlatform.Slack);
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: TimeSpan delta } => delta,
            { Date: DateTimeOffset date } => date - time.GetUtcNow(),
            _ => DefaultRetryAfter,
        };
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
        LogRateLimited(logger, method, wait.TotalSeconds);
        _gate.Block(method, wait);
    }

    private static StringContent JsonContent(JsonObject payload) =>
        new(payload.ToJsonString(), Encoding.UTF8, "application/json");

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Short(string body, string fallback)
    {
        var trimmed = body.Trim();
        return trimmed.Length is > 0 and <= 64 && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? trimmed : fallback;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; waiting {Seconds:F1} s before calling it again")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds);
}
