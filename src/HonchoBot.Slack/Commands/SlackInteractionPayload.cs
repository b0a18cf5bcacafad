namespace HonchoBot.Slack.Commands;

/// <summary>
/// An interactivity payload (Slack's interactivity payloads: <c>view_submission</c>, <c>message_action</c>, <c>block_actions</c>…),
/// with the fields HonchoBot reads. Slack sends the same shape over HTTP (form field <c>payload</c>) and Socket Mode.
/// </summary>
public sealed record SlackInteractionPayload(
    string? Type,
    string? CallbackId,
    SlackRef? User,
    SlackRef? Team,
    SlackRef? Channel,
    SlackMessageRef? Message,
    string? ResponseUrl,
    SlackView? View,
    IReadOnlyList<SlackAction?>? Actions = null);
