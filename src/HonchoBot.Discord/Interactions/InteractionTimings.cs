namespace HonchoBot.Discord.Interactions;

/// <summary>
/// How long an interaction's initial response waits for queued work before deferring. Discord's deadline
/// is 3 s (docs/platform-protocols.md); waiting 1.5 s leaves room for the network while sparing a PATCH for fast answers.
/// </summary>
public sealed class InteractionTimings
{
    public TimeSpan InlineAnswerWait { get; set; } = TimeSpan.FromMilliseconds(1500);
}
