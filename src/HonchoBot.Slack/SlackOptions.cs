namespace HonchoBot.Slack;

/// <summary>The <c>Slack</c> configuration section (docs/slack-setup.md).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Turns the Slack adapter on; nothing connects while false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>xoxb-</c> token for the Web API. A secret: never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary><c>xapp-</c> app-level token with <c>connections:write</c>: turns Socket Mode on.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signing secret: maps the HTTP endpoints (<c>/slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactivity</c>).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Slack user ids allowed to manage sources.</summary>
    public IList<string> ModeratorUserIds { get; } = [];

    /// <summary>Slack user-group ids whose members may manage sources (looked up on every use).</summary>
    public IList<string> ModeratorUserGroupIds { get; } = [];

    /// <summary>
    /// Optional channel allow-list (docs/architecture.md): when non-empty, mentions and
    /// commands are answered only in these channel ids (direct messages with the bot always work).
    /// </summary>
    public IList<string> AllowedChannelIds { get; } = [];

    /// <summary>Web API base, with a trailing slash; method names are appended. Tests point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    internal bool HasAppToken => !string.IsNullOrWhiteSpace(AppToken);

    internal bool HasSigningSecret => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>True when the bot may answer in <paramref name="channelId"/>.</summary>
    internal bool IsChannelAllowed(string channelId) =>
        AllowedChannelIds.Count == 0 || channelId.StartsWith('D') || AllowedChannelIds.Contains(channelId, StringComparer.Ordinal);

    internal Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);
}
