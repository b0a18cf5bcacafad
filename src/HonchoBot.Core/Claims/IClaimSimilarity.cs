namespace HonchoBot.Core.Claims;

/// <summary>
/// A second opinion, from sentence meaning, on whether two statements the rules would set against each other are
/// about the same thing: two sentences about different things rarely embed close. It can only stop a pair from
/// being reported, never report one the rules did not find: meaning is never the only evidence of a disagreement.
/// </summary>
public interface IClaimSimilarity
{
    /// <summary>
    /// True when the statements are about the same thing, false when they are clearly not (the pair is dropped),
    /// null for no opinion (for instance when the statements have no vectors yet).
    /// </summary>
    bool? AreAboutTheSameThing(string firstStatement, string secondStatement);
}
