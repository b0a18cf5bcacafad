using System.Text.Json.Serialization;

namespace HonchoBot.Core.Answers;

/// <summary>How two sources' claims differ.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisagreementKind>))]
public enum DisagreementKind
{
    /// <summary>Same thing, incompatible values.</summary>
    [JsonStringEnumMemberName("conflict")] Conflict,

    /// <summary>E.g. kills claimed by one side vs losses recorded by the other.</summary>
    [JsonStringEnumMemberName("different_measure")] DifferentMeasure,

    /// <summary>"Initially … / eventually …".</summary>
    [JsonStringEnumMemberName("change_over_time")] ChangeOverTime,
}
