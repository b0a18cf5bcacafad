namespace HonchoBot.Slack.Answering;

/// <summary>Where a reply goes: a message's thread, or a slash command's <c>response_url</c>.</summary>
public abstract record SlackReplyTarget(string Channel, string User)
{
    /// <summary>Reply in the thread of <paramref name="ThreadTs"/> (the question's thread, or the question itself).</summary>
    public sealed record InThread(string Channel, string User, string ThreadTs) : SlackReplyTarget(Channel, User);

    /// <summary>Reply in the channel itself (e.g. after a modal, which has no thread or response_url).</summary>
    public sealed record InChannel(string Channel, string User) : SlackReplyTarget(Channel, User);

    /// <summary>Reply through a slash command's <c>response_url</c> (a secret: never logged).</summary>
    public sealed record ToResponseUrl(string Channel, string User, string ResponseUrl) : SlackReplyTarget(Channel, User)
    {
        public override string ToString() => $"ToResponseUrl {{ Channel = {Channel}, User = {User} }}";
    }
}
