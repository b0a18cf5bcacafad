using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Moderation;

/// <summary>
/// Downloads a moderator's uploaded file. The URL arrives inside an authenticated interaction, so it is
/// trusted only on Discord's CDN hosts — or, in tests, on the host of the configured ApiBaseUrl
/// (docs/platform-protocols.md). The bot token is never sent; the size is capped while reading.
/// </summary>
internal sealed class AttachmentDownloader(IHttpClientFactory httpClients, IOptions<DiscordOptions> options)
{
    public const string HttpClientName = "HonchoBot.Discord.Cdn";

    /// <summary>A hard ceiling on what is read into memory; the registry applies Sources:MaxBytes itself.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    private static readonly string[] CdnHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    public bool IsTrusted(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps && CdnHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api)
            && string.Equals(api.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
            && api.Port == uri.Port && api.Scheme == uri.Scheme;
    }

    /// <summary>The file's bytes, or null with a reason fit to show the moderator.</summary>
    public async Task<(byte[]? Content, string? Problem)> DownloadAsync(string url, long declaredSize, CancellationToken cancellationToken)
    {
        if (!IsTrusted(url))
        {
            return (null, "That attachment link is not on Discord's CDN, so I won't fetch it.");
        }

        if (declaredSize > MaxBytes)
        {
            return (null, $"That file is too large (over {MaxBytes / (1024 * 1024)} MB).");
        }

        using var response = await httpClients.CreateClient(HttpClientName)
            .GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"Discord's CDN answered {(int)response.StatusCode} for that file; please upload it again.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"That file is too large (over {MaxBytes / (1024 * 1024)} MB).");
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }
}
