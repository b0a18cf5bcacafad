namespace HonchoBot.Slack.Commands;

/// <summary>Input values by block id, then action id (Slack's <c>view.state.values</c>).</summary>
public sealed record SlackViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue?>?>? Values);
