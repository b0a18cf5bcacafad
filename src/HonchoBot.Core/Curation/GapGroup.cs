namespace HonchoBot.Core.Curation;

/// <summary>
/// Similar gap questions (docs/json-contract.md, <c>honcho gaps --json</c>): how often they were asked, one
/// example wording (the most frequent), the content words they share, and why they are gaps.
/// </summary>
/// <param name="Example">The most frequent wording in the group (ties: the most recent).</param>
/// <param name="Count">Questions in the group: <paramref name="Unanswered"/> + <paramref name="DownVoted"/>.</param>
/// <param name="Unanswered">Times the bot had no answer.</param>
/// <param name="DownVoted">Down-votes on answers to it (one per voter and answer).</param>
/// <param name="WrongSource">Down-votes that said "wrong source".</param>
/// <param name="MissingAnswer">Down-votes that said "missing answer".</param>
/// <param name="Terms">The analysed content words the group's questions share most (stems), most frequent first.</param>
/// <param name="LastAsked">The newest question or vote in the group.</param>
public sealed record GapGroup(
    string Example,
    int Count,
    int Unanswered,
    int DownVoted,
    int WrongSource,
    int MissingAnswer,
    IReadOnlyList<string> Terms,
    DateTimeOffset LastAsked);
