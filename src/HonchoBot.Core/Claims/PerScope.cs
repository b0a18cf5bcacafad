namespace HonchoBot.Core.Claims;

/// <summary>Whether a figure counts for a whole force or for each of its parts.</summary>
public enum PerScope
{
    /// <summary>A total.</summary>
    None = 0,

    /// <summary>"each", "per regiment": a figure for every unit, not a total.</summary>
    Unit = 1,

    /// <summary>One person's tally ("the top ace … 16 victories"), never a force total.</summary>
    Individual = 2,
}
