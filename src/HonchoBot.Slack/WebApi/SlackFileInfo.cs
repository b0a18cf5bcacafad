namespace HonchoBot.Slack.WebApi;

/// <summary>The fields of a file object HonchoBot needs (docs/platform-protocols.md).</summary>
public sealed record SlackFileInfo(
    string Id,
    string? Name,
    string? Title,
    string? MimeType,
    long Size,
    string? UrlPrivate,
    string? UrlPrivateDownload);
