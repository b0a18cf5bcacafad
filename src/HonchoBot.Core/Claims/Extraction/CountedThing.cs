using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>What a figure counts, as found in its noun phrase.</summary>
/// <param name="Measure">Set when a measure noun supplied the thing ("315 dead"): it is then the measure too.</param>
internal sealed record CountedThing(ThingInfo Thing, TermHit<ThingInfo>? Hit, int WindowEnd, TermHit<SideTerm>? Modifier, MeasureInfo? Measure);
