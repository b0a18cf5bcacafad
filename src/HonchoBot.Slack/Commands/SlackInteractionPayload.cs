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
    SlackView? View);

/// <summary>A user, team or channel as these payloads reference them.</summary>
public sealed record SlackRef(string? Id, string? Username = null, string? Name = null);

/// <summary>The message a shortcut was used on.</summary>
public sealed record SlackMessageRef(string? Ts, string? User, string? BotId, IReadOnlyList<SlackBlockRef?>? Blocks);

/// <summary>A Block Kit block of a message, by its id.</summary>
public sealed record SlackBlockRef(string? BlockId);

/// <summary>A submitted modal.</summary>
public sealed record SlackView(string? CallbackId, string? PrivateMetadata, SlackViewState? State);

/// <summary>Input values by block id, then action id (Slack's <c>view.state.values</c>).</summary>
public sealed record SlackViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue?>?>? Values);

/// <summary>One input element's value; a plain-text input sends a string.</summary>
public sealed record SlackInputValue(string? Type, string? Value);
