namespace HonchoBot.Slack.Commands;

/// <summary>A submitted modal.</summary>
public sealed record SlackView(string? CallbackId, string? PrivateMetadata, SlackViewState? State);
