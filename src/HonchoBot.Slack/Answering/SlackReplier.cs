using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;

namespace HonchoBot.Slack.Answering;

/// <summary>Sends a rendered message to a <see cref="SlackReplyTarget"/>, publicly or to the asker only.</summary>
public sealed class SlackReplier(ISlackApi api)
{
    public Task SendAsync(SlackReplyTarget target, SlackMessage message, bool isPublic, CancellationToken cancellationToken) => target switch
    {
        SlackReplyTarget.InThread thread when isPublic =>
            api.PostMessageAsync(thread.Channel, thread.ThreadTs, message, cancellationToken),
        SlackReplyTarget.InThread thread =>
            api.PostEphemeralAsync(thread.Channel, thread.User, thread.ThreadTs, message, cancellationToken),
        SlackReplyTarget.InChannel channel when isPublic =>
            api.PostMessageAsync(channel.Channel, null, message, cancellationToken),
        SlackReplyTarget.InChannel channel =>
            api.PostEphemeralAsync(channel.Channel, channel.User, null, message, cancellationToken),
        SlackReplyTarget.ToResponseUrl url =>
            api.RespondAsync(url.ResponseUrl, message, isPublic, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>Shares a file where <paramref name="target"/> points: in the question's thread, or in its channel.</summary>
    public Task<string> UploadAsync(SlackReplyTarget target, string fileName, string title, byte[] content, CancellationToken cancellationToken) =>
        api.UploadFileAsync(target.Channel, (target as SlackReplyTarget.InThread)?.ThreadTs, fileName, title, content, cancellationToken);
}
