using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// A person's rank on a given day: a rank written before a name in a sentence that gives a day ("Lt. Col. James
/// Jabara became the first jet ace on May 20, 1951"), or in the sentence just before one that opens with a day
/// and goes on about him ("… was Captain James Jabara. On May 20, 1951, he …"). Ranks change, so only ranks for the
/// same day are compared; a grade within a rank (first lieutenant, lieutenant) is the same rank.
/// </summary>
internal sealed class RankKind(ClaimLexicon lexicon) : IClaimKind
{
    private const int DateOpensWithin = 4;

    public ClaimKind Kind => ClaimKind.Rank;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        foreach (var person in doc.Persons)
        {
            if (person.IsPronoun || person.Rank is not { } rank || DayOf(doc, person) is not { } day)
            {
                continue;
            }

            var sentence = doc.Tokens.SentenceOf(person.Start);
            var statement = StatementSpan.Of(doc, sentence, person.Start, person.End);
            claims.Add(new Claim
            {
                Kind = ClaimKind.Rank,
                Start = statement.Start,
                End = statement.End,
                ValueStart = person.Start,
                ValueEnd = person.End,
                Value = rank.Label,
                Person = person.Key,
                PersonName = person.Name,
                Date = day,
                Attribute = "rank",
                AttributeValue = rank.Id,
            });
        }
    }

    /// <summary>A full day in the person's sentence, else one that opens the next sentence when it goes on about him.</summary>
    private static ClaimDate? DayOf(TaggedText doc, PersonRef person)
    {
        var tokens = doc.Tokens;
        var sentence = tokens.SentenceOf(person.Start);
        var inSentence = doc.DayDates.FirstOrDefault(d => d.Start >= sentence.Start && d.End <= sentence.End && IsFullDay(d.Date));
        if (inSentence.End > 0)
        {
            return inSentence.Date;
        }

        var next = tokens.Sentences.FirstOrDefault(s => s.Start >= sentence.End);
        if (next.End == 0)
        {
            return null;
        }

        var opening = doc.DayDates.FirstOrDefault(d => d.Start >= next.Start && d.End <= next.End && IsFullDay(d.Date)
            && tokens.TokenAt(d.Start) - tokens.TokenAt(next.Start) <= DateOpensWithin);
        var aboutHim = doc.Persons.Exists(p => p.Start >= next.Start && p.End <= next.End && p.Key == person.Key);
        return opening.End > 0 && aboutHim ? opening.Date : null;
    }

    private static bool IsFullDay(ClaimDate date) => date is { Year: not null, Month: not null, Day: not null };

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.Person is null || a.Person != b.Person || a.Date is null || b.Date is null || !a.Date.IsCompatibleWith(b.Date)
            || a.AttributeValue is null || b.AttributeValue is null
            || !lexicon.RankInfos.TryGetValue(a.AttributeValue, out var ra) || !lexicon.RankInfos.TryGetValue(b.AttributeValue, out var rb))
        {
            return PairResult.Unrelated;
        }

        if (ra == rb || ra.IsWithin(rb) || rb.IsWithin(ra))
        {
            return PairResult.Compatible;
        }

        var who = a.PersonName ?? b.PersonName ?? a.Person;
        return new PairResult(PairVerdict.Conflict, $"{who}'s rank on {a.Date.Format(lexicon.MonthNames)}", $"the sources give different ranks for the same day: {ra.Label} vs {rb.Label}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.AsksRank && frame.Persons.Count > 0;

    public bool IsRelevant(QuestionFrame frame, Claim claim) => claim.Person is not null && frame.Persons.Contains(claim.Person);

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => true;
}
