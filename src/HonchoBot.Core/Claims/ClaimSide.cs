namespace HonchoBot.Core.Claims;

/// <summary>One side of a finding: the verbatim statement and its value, and where it sits in its passage.</summary>
/// <param name="Statement">Verbatim text of the passage between <paramref name="Start"/> and <paramref name="End"/>.</param>
/// <param name="Value">Normalised value ("792", "35–40", "≥ 2000") or attribute value ("North Korean").</param>
public sealed record ClaimSide(string PassageId, string SourceId, string Statement, string Value, int Start, int End);
