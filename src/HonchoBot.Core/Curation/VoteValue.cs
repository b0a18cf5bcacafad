using System.Text.Json.Serialization;

namespace HonchoBot.Core.Curation;

/// <summary>👍 or 👎.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VoteValue>))]
public enum VoteValue
{
    [JsonStringEnumMemberName("up")] Up,
    [JsonStringEnumMemberName("down")] Down,
}
