using System.Text.Json.Serialization;

namespace HonchoBot.Core.Curation;

/// <summary>Why a 👎: the two follow-up choices offered under it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VoteReason>))]
public enum VoteReason
{
    /// <summary>The cited passage does not say what the answer needs.</summary>
    [JsonStringEnumMemberName("wrong_source")] WrongSource,

    /// <summary>The answer leaves out what was asked.</summary>
    [JsonStringEnumMemberName("missing_answer")] MissingAnswer,
}
