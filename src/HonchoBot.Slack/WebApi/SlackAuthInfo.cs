namespace HonchoBot.Slack.WebApi;

/// <summary>What <c>auth.test</c> says about the bot.</summary>
public sealed record SlackAuthInfo(string UserId, string? BotId, string? TeamId, string? Team);
