namespace HonchoBot.Core.Claims;

/// <summary>Epistemic status of a claim: whose word it is (the lexicon's <c>epistemic</c> classes).</summary>
public enum ClaimStatus
{
    /// <summary>The text does not say.</summary>
    Unknown = 0,

    /// <summary>"claimed", "credited", "reported": one side's claim.</summary>
    Claim = 1,

    /// <summary>"records", "archives", "admitted": a record or an admission.</summary>
    Record = 2,

    /// <summary>"estimated", "believed".</summary>
    Estimate = 3,
}
