using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.WebApi;

/// <summary>
/// Which URLs from Slack payloads are trusted (docs/platform-protocols.md): <c>url_private</c>,
/// <c>response_url</c> and Socket Mode URLs only on Slack's own hosts over TLS, or — for tests — on the host
/// of the configured <c>ApiBaseUrl</c>. The bot token is only ever sent to these.
/// </summary>
public sealed class SlackHostPolicy(IOptions<SlackOptions> options)
{
    public bool IsTrusted(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        var api = options.Value.ApiBaseUri;
        if (string.Equals(uri.Host, api.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == api.Port
            && SameSecurity(uri.Scheme, api.Scheme))
        {
            return true;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeWss;
        var host = uri.IdnHost;
        return secure && uri.IsDefaultPort
            && (host.Equals("slack.com", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase));
    }

    public bool IsTrusted(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsTrusted(uri);

    // http ↔ ws and https ↔ wss are the same trust level for the configured API host.
    private static bool SameSecurity(string a, string b) => IsSecure(a) == IsSecure(b);

    private static bool IsSecure(string scheme) => scheme == Uri.UriSchemeHttps || scheme == Uri.UriSchemeWss;
}
