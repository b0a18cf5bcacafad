namespace HonchoBot.Slack.Commands;

/// <summary>A user, team or channel as these payloads reference them.</summary>
public sealed record SlackRef(string? Id, string? Username = null, string? Name = null);
