namespace HonchoBot.Slack.WebApi;

/// <summary>A Web API call answered <c>ok:false</c> (or failed at HTTP level); <see cref="Error"/> is Slack's error string.</summary>
public sealed class SlackApiException(string method, string error, string? detail = null)
    : Exception($"Slack {method} failed: {error}{(detail is null ? "" : " (" + detail + ")")}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Errors that no retry will fix: the token is wrong or revoked; the adapter stops rather than hammer Slack with a bad token.</summary>
    public bool IsFatalAuth => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked"
        or "token_expired" or "not_allowed_token_type" or "missing_scope";
}
