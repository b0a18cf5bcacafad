namespace HonchoBot.Core.Claims.Lexicon;

/// <param name="IsCauseFromAgent">An agent's kind implies the cause of the figure ("pilots shot down" → air-to-air).</param>
internal sealed record MeasureInfo(string Id, string Group, string GroupTopic, bool IsAttackerView, string Label, ClaimStatus DefaultStatus, bool IsCauseFromAgent);

/// <summary>A measure term; some also name the counted thing ("casualties" → personnel).</summary>
internal sealed record MeasureTerm(MeasureInfo Measure, ThingInfo? ImpliedThing);

/// <summary>A scope qualifier (air-to-air, ground fire, all causes…); some imply the counted thing.</summary>
internal sealed record ScopeInfo(string Id, string Group, string Label, ThingInfo? ImpliedThing);
