namespace HonchoBot.Core.Pipeline;

/// <summary>
/// The names a question's platform goes by, in <see cref="Answers.QuestionOrigin.Platform"/>, in
/// <see cref="QueuedWork.Platform"/> and as the <c>platform</c> tag of every metric. Adapters use these
/// constants rather than spelling the names out.
/// </summary>
public static class ChatPlatform
{
    /// <summary><c>honcho ask</c> and friends: global library, no rate limits.</summary>
    public const string Cli = "cli";

    /// <summary><c>honcho chat</c>: like the CLI, a local user with no rate limits.</summary>
    public const string Console = "console";

    public const string Discord = "discord";

    public const string Slack = "slack";

    /// <summary><c>GET /api/ask</c> and the <c>/ask</c> page of <c>honcho serve</c>: global library, limited per client address.</summary>
    public const string Web = "web";

    /// <summary>True for the local front ends, which are not rate-limited.</summary>
    public static bool IsLocal(string platform) => platform is Cli or Console;
}
