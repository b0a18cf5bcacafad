using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

public sealed record DeferData([property: JsonPropertyName("flags")] int Flags);
