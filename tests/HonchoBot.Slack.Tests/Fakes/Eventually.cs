using HonchoBot.Tests.Shared;

namespace HonchoBot.Slack.Tests.Fakes;

/// <summary>
/// Waiting for a condition: re-checked whenever the fake Slack records a call, the bot's status changes or a log
/// line is captured (each pulses <see cref="Changes"/>), and after a quiet spell for conditions that step a fake
/// clock. The hang guard only turns a hung test into a failure; no test relies on how long this takes.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);

    /// <summary>Pulsed by the fakes on every change they see.</summary>
    public static Signal Changes { get; } = new();

    public static Task TrueAsync(Func<bool> condition, string what) =>
        Changes.WaitUntilAsync(condition, what, recheck: Recheck);
}
