namespace HonchoBot.Slack.Events;

/// <summary>
/// An Events API request body: an <c>event_callback</c> wrapping one event, or Slack's
/// <c>url_verification</c> handshake. Only the fields HonchoBot reads; unknown fields are ignored.
/// </summary>
public sealed record SlackEventCallback(
    string? Type,
    string? EventId,
    string? TeamId,
    string? ContextTeamId,
    string? Challenge,
    SlackEvent? Event);
