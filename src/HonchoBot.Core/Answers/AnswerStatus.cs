using System.Text.Json.Serialization;

namespace HonchoBot.Core.Answers;

/// <summary>A closed set; serialised as snake_case strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))]
public enum AnswerStatus
{
    /// <summary>The evidence covers the question; at least one citation.</summary>
    [JsonStringEnumMemberName("answered")] Answered,

    /// <summary>Nothing in the sources answers it.</summary>
    [JsonStringEnumMemberName("no_answer")] NoAnswer,

    /// <summary>Empty, whitespace-only or too long.</summary>
    [JsonStringEnumMemberName("invalid")] Invalid,

    /// <summary>The question queue is full.</summary>
    [JsonStringEnumMemberName("busy")] Busy,

    /// <summary>A per-user or per-channel limit was hit.</summary>
    [JsonStringEnumMemberName("rate_limited")] RateLimited,

    /// <summary>The index is still being built.</summary>
    [JsonStringEnumMemberName("not_ready")] NotReady,

    /// <summary>An unexpected failure; details are in the logs under the correlation id.</summary>
    [JsonStringEnumMemberName("error")] Error,
}
