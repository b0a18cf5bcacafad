using System.Text.RegularExpressions;

namespace HonchoBot.Core.Conversations;

/// <summary>
/// A question cut into words (and the commas and semicolons that end clauses), with the opener that ties it to
/// the previous question set apart from its body: "and how many pilots?" has the opener "and" and the body
/// "how many pilots". Only what follow-up resolution needs; it is not a parser.
/// </summary>
internal sealed partial class QuestionText
{
    private QuestionText(IReadOnlyList<string> tokens, int openerLength, bool isShift)
    {
        Tokens = tokens;
        OpenerLength = openerLength;
        IsShift = isShift;
    }

    /// <summary>Every word and clause mark, as typed.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Tokens of the opener ("and", "what about"), 0 when there is none.</summary>
    public int OpenerLength { get; }

    /// <summary>The opener asks to keep the previous question and change its focus ("what about …").</summary>
    public bool IsShift { get; }

    public bool HasOpener => OpenerLength > 0;

    /// <summary>The tokens after the opener.</summary>
    public IReadOnlyList<string> Body => Tokens.Skip(OpenerLength).ToList();

    public static QuestionText Parse(string text)
    {
        var tokens = TokenRegex().Matches(text).Select(m => m.Value).ToList();
        var lower = tokens.Select(Lower).ToList();
        foreach (var shift in QuestionWords.ShiftOpeners)
        {
            if (lower.Count >= shift.Length && shift.Select((w, i) => lower[i] == w).All(b => b))
            {
                return new QuestionText(tokens, shift.Length, isShift: true);
            }
        }

        var opener = 0;
        while (opener < lower.Count && (QuestionWords.Connectives.Contains(lower[opener]) || lower[opener] == ","))
        {
            opener++;
        }

        return new QuestionText(tokens, opener, isShift: false);
    }

    public static string Lower(string token) => token.ToLowerInvariant().Replace('’', '\'');

    public static bool IsMark(string token) => token is "," or ";";

    /// <summary>Words of the body that carry a topic (not function words, not clause marks).</summary>
    public IReadOnlyList<string> ContentWords(IReadOnlyList<string>? tokens = null) =>
        (tokens ?? Body).Where(t => !IsMark(t) && !QuestionWords.IsFunction(Lower(t))).ToList();

    /// <summary>Content words that are not verbs: what the question is about ("who won?" has none).</summary>
    public IReadOnlyList<string> TopicWords() => ContentWords().Where(t => !QuestionWords.IsVerb(Lower(t))).ToList();

    public bool HasVerb => Body.Any(t => QuestionWords.IsVerb(Lower(t)));

    public bool IsSocial => Body.Count > 0 && Body.All(t => IsMark(t) || QuestionWords.Social.Contains(Lower(t)) || QuestionWords.IsFunction(Lower(t)))
        && Body.Any(t => QuestionWords.Social.Contains(Lower(t)));

    /// <summary>Index (in <see cref="Tokens"/>) where the body's "how many"/"how much" starts, or -1.</summary>
    public int QuantityStart
    {
        get
        {
            for (var i = OpenerLength; i + 1 < Tokens.Count; i++)
            {
                if (Lower(Tokens[i]) == "how" && Lower(Tokens[i + 1]) is "many" or "much")
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// The noun phrase counted by "how many …": from after "many"/"much" up to the first verb, preposition,
    /// question word or clause mark. Empty range when there is none.
    /// </summary>
    public (int Start, int End) QuantityPhrase()
    {
        var start = QuantityStart;
        if (start < 0)
        {
            return (-1, -1);
        }

        var end = start + 2;
        while (end < Tokens.Count && IsNounPhraseWord(Tokens[end]))
        {
            end++;
        }

        return (start + 2, end);
    }

    /// <summary>Runs of consecutive names ("Soviet", "North Korean", "MiG-15s") in the body, as token ranges.</summary>
    public IReadOnlyList<(int Start, int End)> NameRuns()
    {
        var runs = new List<(int, int)>();
        for (var i = OpenerLength; i < Tokens.Count; i++)
        {
            if (!IsNameAt(i))
            {
                continue;
            }

            var end = i + 1;
            while (end < Tokens.Count && IsNameAt(end))
            {
                end++;
            }

            runs.Add((i, end));
            i = end;
        }

        return runs;
    }

    /// <summary>A name token; the first word of the question counts only when it is not a function word.</summary>
    public bool IsNameAt(int index)
    {
        var token = Tokens[index];
        return !IsMark(token) && !QuestionWords.IsFunction(Lower(token)) && !QuestionWords.IsVerb(Lower(token)) && QuestionWords.IsName(token);
    }

    public static bool IsNounPhraseWord(string token)
    {
        var lower = Lower(token);
        return !IsMark(token)
            && !QuestionWords.IsVerb(lower)
            && !QuestionWords.Prepositions.Contains(lower)
            && !QuestionWords.IsQuestionWord(lower)
            && !QuestionWords.ClauseLinks.Contains(lower)
            && !QuestionWords.PersonalPronouns.Contains(lower);
    }

    /// <summary>The tokens joined back into a question: words spaced, commas attached, one question mark.</summary>
    public static string Join(IEnumerable<string> tokens)
    {
        var text = string.Join(' ', tokens).Replace(" ,", ",", StringComparison.Ordinal).Replace(" ;", ";", StringComparison.Ordinal).Trim(' ', ',', ';');
        if (text.Length == 0)
        {
            return text;
        }

        return char.ToUpperInvariant(text[0]) + text[1..] + "?";
    }

    // Words keep inner hyphens and apostrophes (MiG-15s, didn't) and dotted abbreviations (U.S.); commas and
    // semicolons are kept because they end clauses.
    [GeneratedRegex(@"(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[,;]")]
    private static partial Regex TokenRegex();
}
