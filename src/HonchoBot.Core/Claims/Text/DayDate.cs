namespace HonchoBot.Core.Claims.Text;

/// <summary>A date with a day ("25 August 1954", "Nov. 8"), its year taken from the sentence when it gives none.</summary>
internal readonly record struct DayDate(int Start, int End, ClaimDate Date);
