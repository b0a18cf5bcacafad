namespace HonchoBot.Core.Answers;

/// <summary>What a person asked, and where. Adapters build one with a pure mapper and submit it to <see cref="Pipeline.AskPipeline"/>.</summary>
/// <param name="Text">The question as typed, with any bot mention already removed.</param>
/// <param name="Origin">Who asked and where; decides which community's sources are searched.</param>
/// <param name="Mode">A full answer (<c>/ask</c>) or the single best excerpt (<c>/fact</c>).</param>
public sealed record Question(string Text, QuestionOrigin Origin, QuestionMode Mode = QuestionMode.Ask)
{
    /// <summary>Longest accepted question, in characters (docs/json-contract.md: longer is <c>invalid</c>).</summary>
    public const int MaxLength = 2000;

    /// <summary>A question from the command line: global library only, no rate limits.</summary>
    public static Question FromCli(string text) => new(text, QuestionOrigin.Cli);
}

/// <summary>How much answer the asker wants.</summary>
public enum QuestionMode
{
    /// <summary>Up to three cited excerpts plus disagreements.</summary>
    Ask,

    /// <summary>The single best excerpt (fast lookup).</summary>
    Fact,
}

/// <summary>Where a question came from.</summary>
/// <param name="Platform">One of <see cref="Pipeline.ChatPlatform"/>'s names.</param>
/// <param name="CommunityId"><c>discord:{guild}</c> or <c>slack:{team}</c>; null for the CLI and DMs (global library only).</param>
/// <param name="ChannelId">Platform channel id, for per-channel rate limits.</param>
/// <param name="UserId">Platform user id, for per-user rate limits.</param>
/// <param name="CorrelationId">Carried through logs from adapter to answer.</param>
/// <param name="ConversationId">
/// The conversation the question belongs to, for follow-ups (<see cref="Conversations.ConversationContext"/>):
/// <c>discord:{channel}:{root message}</c>, <c>slack:{team}:{channel}:{thread_ts}</c>, <c>console:{session}</c>;
/// null for a question that belongs to none (a slash command, <c>honcho ask</c>).
/// </param>
public sealed record QuestionOrigin(
    string Platform,
    string? CommunityId = null,
    string? ChannelId = null,
    string? UserId = null,
    string? CorrelationId = null,
    string? ConversationId = null)
{
    /// <summary>The command line: global library, no limits.</summary>
    public static QuestionOrigin Cli { get; } = new(Pipeline.ChatPlatform.Cli);
}
