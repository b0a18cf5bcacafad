using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>How two claims from different sources relate.</summary>
internal enum PairVerdict
{
    Unrelated,
    Compatible,
    DifferentScope,
    DifferentPeriod,
    Conflict,
    DifferentMeasure,
    ChangeOverTime,
}

/// <summary>A verdict on a pair of claims, with what is disputed and why when it is reported.</summary>
internal sealed record PairResult(PairVerdict Verdict, string Topic = "", string Note = "")
{
    public static readonly PairResult Unrelated = new(PairVerdict.Unrelated);
    public static readonly PairResult Compatible = new(PairVerdict.Compatible);
    public static readonly PairResult DifferentScope = new(PairVerdict.DifferentScope);
    public static readonly PairResult DifferentPeriod = new(PairVerdict.DifferentPeriod);

    /// <summary>The reported kind, or null for verdicts that are never reported.</summary>
    public DisagreementKind? Kind => Verdict switch
    {
        PairVerdict.Conflict => DisagreementKind.Conflict,
        PairVerdict.DifferentMeasure => DisagreementKind.DifferentMeasure,
        PairVerdict.ChangeOverTime => DisagreementKind.ChangeOverTime,
        _ => null,
    };
}
