namespace HonchoBot.Discord.Rest;

/// <summary>A file to upload with a message, sent as the <c>files[0]</c> part of a multipart request.</summary>
/// <param name="FileName">The name Discord shows, and the one <c>attachment://</c> refers to.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The part's media type.</param>
public sealed record DiscordFile(string FileName, byte[] Content, string ContentType = "image/png");
