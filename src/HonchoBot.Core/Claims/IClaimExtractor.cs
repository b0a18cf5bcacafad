namespace HonchoBot.Core.Claims;

/// <summary>Finds the checkable claims in one passage; run once per passage at index time.</summary>
public interface IClaimExtractor
{
    /// <summary>The claims in <paramref name="passageText"/>; every span is a character offset into it.</summary>
    IReadOnlyList<Claim> Extract(string passageText);
}
