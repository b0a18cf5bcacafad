using HonchoBot.Core.Claims.Lexicon;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// A mention of a person: a name ("Capt. Joseph McConnell Jr.") or a pronoun resolved to the last name before it.
/// <see cref="Key"/> is the spelling-folded surname people are compared by; <see cref="Name"/> is the surname as
/// written where the person was named; <see cref="Rank"/> is the rank written before the name, if any.
/// </summary>
internal readonly record struct PersonRef(int Start, int End, string Key, string Name, bool IsPronoun, RankInfo? Rank = null);
