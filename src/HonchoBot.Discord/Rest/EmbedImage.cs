using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>An embed's large image; <c>attachment://{filename}</c> shows a file uploaded with the message.</summary>
public sealed record EmbedImage([property: JsonPropertyName("url")] string Url);
