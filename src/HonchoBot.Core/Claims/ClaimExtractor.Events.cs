namespace HonchoBot.Core.Claims;

// Event claims: the date of a "first" event.
public sealed partial class ClaimExtractor
{
    /// <summary>
    /// Dates of "first" events: a cue, the counted thing next to it and a month or year in the same clause
    /// ("The first MiG-15 combat patrols in the Korean theater began in November 1950").
    /// </summary>
    private void AddEvents(TaggedText doc, List<Claim> claims)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var cue in doc.Events)
        {
            var clause = doc.Tokens.ClauseOf(cue.Start);
            DateHit? date = null;
            foreach (var d in doc.Dates)
            {
                if (d.Start >= clause.Start && d.End <= clause.End && d.Scope.Kind == TimeScopeKind.Period && d.Scope.From / 100 == d.Scope.To / 100)
                {
                    date = d;
                    break;
                }
            }

            TermHit<ThingInfo>? thing = null;
            var bestDistance = 4;
            foreach (var t in doc.Things)
            {
                if (t.Start < clause.Start || t.End > clause.End)
                {
                    continue;
                }

                var distance = t.End <= cue.Start ? doc.TokensBetween(t.End, cue.Start) : doc.TokensBetween(cue.End, t.Start);
                if (distance < bestDistance)
                {
                    thing = t;
                    bestDistance = distance;
                }
            }

            if (date is not { } when || thing is not { } th || !seen.Add((cue.Value.Id, th.Start)))
            {
                continue;
            }

            TermHit<SideTerm>? modifier = null;
            foreach (var s in doc.Sides)
            {
                if (s.End <= th.Start && s.Start >= clause.Start && doc.TokensBetween(s.End, th.Start) <= 1 && s.Value.Side is not null)
                {
                    modifier = s;
                }
            }

            var side = modifier?.Value.Side?.Actor ?? th.Value.Side;
            var place = FirstIn(doc.Places, clause.Start, clause.End);
            var scope = when.Scope;
            var month = scope.From % 100;
            var value = scope.From == scope.To ? $"{lexicon.MonthNames[month]} {scope.From / 100}" : (scope.From / 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var statement = Statement(doc, clause, Math.Min(Math.Min(cue.Start, th.Start), when.Start), Math.Max(Math.Max(cue.End, th.End), when.End));
            claims.Add(new Claim
            {
                Kind = ClaimKind.Event,
                Start = statement.Start,
                End = statement.End,
                ValueStart = when.Start,
                ValueEnd = when.End,
                Value = value,
                Thing = th.Value.Id,
                Side = side?.Id,
                IsSideInferred = modifier is null && side is not null,
                Time = scope,
                Attribute = cue.Value.Id,
                AttributeValue = place?.Value.Id,
                Cues = [doc.Text[cue.Start..cue.End]],
            });
        }
    }
}
