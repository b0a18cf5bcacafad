using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>A file uploaded with a message: <paramref name="Id"/> is the <c>n</c> of its <c>files[n]</c> part.</summary>
public sealed record MessageAttachment(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("filename")] string FileName);
