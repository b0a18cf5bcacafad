namespace HonchoBot.Core.Claims.Text;

/// <summary>A date or period found in a text, as the time scope it names.</summary>
internal readonly record struct DateHit(int Start, int End, TimeScope Scope);

/// <summary>A named unit or battle found in a text, with the key it is compared by ("64 corps").</summary>
internal readonly record struct UnitHit(int Start, int End, string Key);
