using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Sources;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.Moderation;

/// <summary>
/// Runs library actions from Slack on the work queue: re-checks moderator status on every use, calls the one
/// write path (<see cref="ISourceRegistry"/>, which audits and re-checks too) and reports the outcome.
/// Non-moderators are still passed to the registry with <c>IsModerator = false</c> so the refusal is audited there.
/// </summary>
public sealed partial class SlackSourceActions(
    IQuestionQueue queue,
    SlackModeratorPolicy moderators,
    ISlackApi api,
    SlackReplier replier,
    SlackSourceRenderer renderer,
    SlackBackgroundSender notes,
    IOptions<SourceOptions> sourceOptions,
    ILogger<SlackSourceActions> logger)
{
    public const int PageSize = 10;

    /// <summary>The registry's own limit (<c>Sources:MaxBytes</c>), enforced here too before a file is downloaded.</summary>
    private long MaxBytes => sourceOptions.Value.MaxBytes;

    public bool Enqueue(SlackSourceAction action, SlackActor actor, SlackReplyTarget target)
    {
        var correlationId = CorrelationIds.New();
        var work = new QueuedWork(
            ChatPlatform.Slack,
            "slack source " + action.GetType().Name.ToUpperInvariant(),
            correlationId,
            (services, ct) => RunAsync(services, action, actor, target, correlationId, ct));
        if (queue.TryEnqueue(work))
        {
            return true;
        }

        notes.Send(target, SlackMessage.Plain(SlackAnswerRenderer.DefaultMessage(Core.Answers.AnswerStatus.Busy)), false, correlationId);
        return false;
    }

    private async Task RunAsync(IServiceProvider services, SlackSourceAction action, SlackActor actor, SlackReplyTarget target, string correlationId, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<ISourceRegistry>();
        SlackMessage reply;
        var isPublic = false;
        try
        {
            if (action is SlackSourceAction.List list)
            {
                reply = renderer.Page(await registry.ListAsync(actor.CommunityId, Math.Max(1, list.Page), PageSize, cancellationToken));
            }
            else
            {
                // Re-checked on every use: a user removed from a moderator group loses the right at once.
                var isModerator = await moderators.IsModeratorAsync(actor.UserId, cancellationToken);
                if (!isModerator)
                {
                    LogRefused(logger, actor.UserId, action.GetType().Name, correlationId);
                }

                var requester = new Requester(ChatPlatform.Slack, actor.UserId, await DisplayNameAsync(actor, cancellationToken), isModerator, actor.CommunityId, actor.ChannelId);
                (reply, isPublic) = action switch
                {
                    SlackSourceAction.Audit when !isModerator => (renderer.Refused("view the audit trail"), false),
                    SlackSourceAction.Audit => (renderer.Audit(await registry.ReadAuditAsync(actor.CommunityId, 20, cancellationToken)), false),
                    SlackSourceAction.Gaps when !isModerator => (renderer.Refused("see the coverage gaps"), false),
                    SlackSourceAction.Gaps gaps => (SlackGapsRenderer.Render(await services.GetRequiredService<GapFinder>().FindAsync(gaps.Days, actor.CommunityId, SlackGapsRenderer.MaxGroups, cancellationToken)), false),
                    SlackSourceAction.AddFiles files => await AddFilesAsync(registry, files, requester, cancellationToken),
                    SlackSourceAction.Add add => Outcome(await registry.AddAsync(new SourceAddRequest(add.Input, add.Metadata), requester, cancellationToken)),
                    SlackSourceAction.Remove remove => Outcome(await registry.RemoveAsync(remove.SourceId, requester, cancellationToken)),
                    SlackSourceAction.Hide hide => Outcome(await registry.HideAsync(hide.SourceId, requester, cancellationToken)),
                    SlackSourceAction.Unhide unhide => Outcome(await registry.UnhideAsync(unhide.SourceId, requester, cancellationToken)),
                    _ => throw new ArgumentOutOfRangeException(nameof(action)),
                };
            }
        }
        catch (SlackApiException ex)
        {
            LogSlackFailed(logger, ex.Method, ex.Error, correlationId);
            reply = SlackMessage.Plain(":warning: Slack refused a request while handling that (`" + SlackText.Escape(ex.Error) + "`).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, correlationId);
            reply = SlackMessage.Plain($":warning: Sorry, something went wrong (reference {correlationId}).");
        }

        try
        {
            await replier.SendAsync(target, reply, isPublic, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            LogSlackFailed(logger, ex.Method, ex.Error, correlationId);
        }
    }

    /// <summary>Events carry only a user id; the audit trail is easier to read with a name (scope users:read).</summary>
    private async Task<string> DisplayNameAsync(SlackActor actor, CancellationToken cancellationToken)
    {
        if (actor.DisplayName != actor.UserId)
        {
            return actor.DisplayName;
        }

        try
        {
            return await api.GetUserNameAsync(actor.UserId, cancellationToken) ?? actor.UserId;
        }
        catch (SlackApiException ex)
        {
            LogSlackFailed(logger, ex.Method, ex.Error, "-");
            return actor.UserId;
        }
    }

    private (SlackMessage, bool) Outcome(SourceResult result) => (renderer.Result(result), false);

    private async Task<(SlackMessage, bool)> AddFilesAsync(ISourceRegistry registry, SlackSourceAction.AddFiles files, Requester requester, CancellationToken cancellationToken)
    {
        if (!requester.IsModerator)
        {
            // Nothing is downloaded for a non-moderator; the registry still sees (and audits) the refused attempt.
            var refused = await registry.AddAsync(
                new SourceAddRequest(new SourceInput.FromFile(files.FileIds[0], ReadOnlyMemory<byte>.Empty), new SourceMetadata()),
                requester, cancellationToken);
            return (refused.Outcome == SourceOutcome.NotModerator ? renderer.Refused("add sources") : renderer.Result(refused), false);
        }

        var results = new List<SourceResult>();
        foreach (var fileId in files.FileIds)
        {
            var info = await api.GetFileInfoAsync(fileId, cancellationToken);
            if (info.Size > MaxBytes)
            {
                results.Add(new SourceResult(SourceOutcome.TooLarge, $"{info.Name ?? fileId} is larger than the {MaxBytes / (1024 * 1024)} MB limit."));
                continue;
            }

            var url = info.UrlPrivateDownload ?? info.UrlPrivate;
            if (url is null)
            {
                results.Add(new SourceResult(SourceOutcome.Invalid, $"Slack gave no download link for {info.Name ?? fileId}."));
                continue;
            }

            var bytes = await api.DownloadFileAsync(url, MaxBytes, cancellationToken);
            var title = string.IsNullOrWhiteSpace(info.Title) || info.Title == info.Name ? null : info.Title;
            results.Add(await registry.AddAsync(
                new SourceAddRequest(new SourceInput.FromFile(info.Name ?? fileId, bytes), new SourceMetadata(Title: title)),
                requester, cancellationToken));
        }

        var messages = results.Select(r => renderer.Result(r).Text);
        // An added source is news for the thread; failures stay with the moderator.
        return (SlackMessage.Plain(string.Join('\n', messages)), results.All(r => r.IsDone));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} is not a moderator; {Action} refused (correlation {CorrelationId})")]
    private static partial void LogRefused(ILogger logger, string userId, string action, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack source action: {Method} answered {Error} (correlation {CorrelationId})")]
    private static partial void LogSlackFailed(ILogger logger, string method, string error, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack source action failed (correlation {CorrelationId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string correlationId);
}
