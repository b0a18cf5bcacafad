using System.Text.Json.Nodes;
using HonchoBot.Slack.Rendering;

namespace HonchoBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods HonchoBot uses (docs/platform-protocols.md), behind a small interface so a library could
/// replace the transport. <c>ok:false</c> surfaces as <see cref="SlackApiException"/> with Slack's error string.
/// </summary>
public interface ISlackApi
{
    /// <summary><c>auth.test</c>: the bot's own user and bot ids, used to ignore its own messages.</summary>
    Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken);

    /// <summary><c>chat.postMessage</c>, in the thread of <paramref name="threadTs"/> when given; returns the new ts.</summary>
    Task<string?> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken);

    /// <summary><c>chat.postEphemeral</c>: visible to <paramref name="user"/> only.</summary>
    Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken);

    /// <summary><c>chat.delete</c>: removes one of the bot's own messages.</summary>
    Task DeleteMessageAsync(string channel, string ts, CancellationToken cancellationToken);

    /// <summary>A follow-up to a slash command's <c>response_url</c> (only on trusted hosts, docs/platform-protocols.md).</summary>
    Task RespondAsync(string responseUrl, SlackMessage message, bool isInChannel, CancellationToken cancellationToken);

    /// <summary><c>files.info</c> for a shared file.</summary>
    Task<SlackFileInfo> GetFileInfoAsync(string fileId, CancellationToken cancellationToken);

    /// <summary>Authenticated GET of a file's <c>url_private</c>, refused off Slack's hosts and above <paramref name="maxBytes"/>.</summary>
    Task<byte[]> DownloadFileAsync(string url, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Shares a file in <paramref name="channel"/> (in the thread of <paramref name="threadTs"/> when given) with the
    /// external upload flow: <c>files.getUploadURLExternal</c>, the bytes POSTed to the returned <c>upload_url</c>, then
    /// <c>files.completeUploadExternal</c>. Returns the file id.
    /// </summary>
    Task<string> UploadFileAsync(string channel, string? threadTs, string fileName, string title, byte[] content, CancellationToken cancellationToken);

    /// <summary><c>usergroups.users.list</c>: the member ids of a user group.</summary>
    Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken);

    /// <summary><c>users.info</c>: the name to show for a user (display name, real name or handle), or null.</summary>
    Task<string?> GetUserNameAsync(string userId, CancellationToken cancellationToken);

    /// <summary><c>views.open</c>: opens a modal with a fresh <c>trigger_id</c>.</summary>
    Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken);

    /// <summary><c>apps.connections.open</c> with the app-level token: a Socket Mode WebSocket URL (a secret).</summary>
    Task<Uri> OpenSocketModeUrlAsync(CancellationToken cancellationToken);
}
