namespace HonchoBot.Core.Claims.Text;

/// <summary>A figure found in a text, as an interval (docs/disagreements.md, "A claim").</summary>
internal sealed record Atom(
    int Start,
    int End,
    int FirstToken,
    int LastToken,
    double Low,
    double? High,
    bool IsLowExclusive,
    bool IsHighExclusive,
    bool IsApproximate,
    bool IsVague,
    string Value);
