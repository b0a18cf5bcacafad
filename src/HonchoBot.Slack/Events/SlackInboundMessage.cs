namespace HonchoBot.Slack.Events;

/// <summary>A message addressed to the bot (a mention, or a direct message), after the ignore rules.</summary>
/// <param name="Text">Plain text: the bot mention removed, Slack's escaping and link syntax undone, trimmed.</param>
/// <param name="ThreadTs">Where to reply: the question's thread, or the question itself (a new thread).</param>
/// <param name="FileIds">Files shared with the message (a moderator may be adding sources).</param>
public sealed record SlackInboundMessage(
    string TeamId,
    string Channel,
    string User,
    string Ts,
    string ThreadTs,
    string Text,
    IReadOnlyList<string> FileIds,
    bool IsDirect)
{
    /// <summary>"A file becomes a source when shared … with 'add source'" (docs/slack-setup.md).</summary>
    public bool IsAddSource => FileIds.Count > 0 && Text.Contains("add source", StringComparison.OrdinalIgnoreCase);
}
