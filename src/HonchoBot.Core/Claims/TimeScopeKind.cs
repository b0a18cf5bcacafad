namespace HonchoBot.Core.Claims;

/// <summary>What kind of time a claim is about.</summary>
public enum TimeScopeKind
{
    /// <summary>The whole war, a cumulative total ("throughout the war", "in all", "when the armistice was signed").</summary>
    Whole = 0,

    /// <summary>The outbreak of the war ("at the onset", "when the war began").</summary>
    Onset = 1,

    /// <summary>An explicit period: a year, a month or a range of them.</summary>
    Period = 2,

    /// <summary>"by 1952": the state at, or the total up to, a date.</summary>
    By = 3,
}
