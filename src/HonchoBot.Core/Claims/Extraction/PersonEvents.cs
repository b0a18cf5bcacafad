using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>Cues of events in a person's life ("died", "first … battle"), checked for their ordinal.</summary>
internal static class PersonEvents
{
    private const int OrdinalReach = 5;

    /// <summary>
    /// The event cues that stand: an ordinal event needs its ordinal shortly before the cue in the same sentence
    /// ("the first jet plane air battle"), and "one of the first" is not the first.
    /// </summary>
    public static IEnumerable<TermHit<EventInfo>> In(TaggedText doc)
    {
        foreach (var cue in doc.PersonEvents)
        {
            if (cue.Value.Ordinal is not { } ordinal)
            {
                yield return cue;
                continue;
            }

            if (OrdinalBefore(doc, cue.Start, ordinal) is { } k && !(doc.Tokens.Is(k - 1, "the") && doc.Tokens.Is(k - 2, "of")))
            {
                yield return cue;
            }
        }
    }

    /// <summary>The token where <paramref name="ordinal"/> starts, a few words before <paramref name="cueStart"/> in its sentence.</summary>
    public static int? OrdinalBefore(TaggedText doc, int cueStart, string[] ordinal)
    {
        // Within the sentence, not the clause: "the first jet versus jet battle" is one noun phrase.
        var tokens = doc.Tokens;
        var sentence = tokens.SentenceOf(cueStart);
        var words = 0;
        for (var k = tokens.TokenAt(cueStart) - 1; k >= 0 && words <= OrdinalReach && tokens.Tokens[k].Start >= sentence.Start; k--)
        {
            if (tokens.MatchesAt(k, ordinal))
            {
                return k;
            }

            words += tokens.Tokens[k].Kind == TokenKind.Punct ? 0 : 1;
        }

        return null;
    }
}
