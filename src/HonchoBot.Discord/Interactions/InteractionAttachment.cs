namespace HonchoBot.Discord.Interactions;

public sealed record InteractionAttachment(string Id, string FileName, string? ContentType, long Size, string Url);
