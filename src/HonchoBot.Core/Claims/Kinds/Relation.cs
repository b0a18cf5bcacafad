namespace HonchoBot.Core.Claims.Kinds;

/// <summary>How two slots of a claim (things, sides, units) relate: the same, one inside the other, or apart.</summary>
internal enum Relation
{
    Equal,
    FirstBroader,
    SecondBroader,
    Disjoint,
}
