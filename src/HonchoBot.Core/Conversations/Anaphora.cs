namespace HonchoBot.Core.Conversations;

/// <summary>
/// Finds a pronoun that points outside its question: "when did they arrive?" (they: who?), "is that true?",
/// "what did they do there?". A pronoun is bound inside the question when a content word comes before it in an
/// earlier clause ("who were the honchos and why were they feared?"); a possessive may also point at a noun
/// of its own clause ("did the Soviets bury their pilots?"). "There" next to a form of "be" is the empty
/// "there is", and "it" before "that"/"to" is the empty "it is true that …": neither points anywhere.
/// </summary>
internal static class Anaphora
{
    /// <summary>Index (in <see cref="QuestionText.Tokens"/>) of the first pronoun with no antecedent in the question, or -1.</summary>
    public static int FirstUnbound(QuestionText question)
    {
        var tokens = question.Tokens;
        for (var i = question.OpenerLength; i < tokens.Count; i++)
        {
            var lower = QuestionText.Lower(tokens[i]);
            var points = lower switch
            {
                _ when QuestionWords.Possessives.Contains(lower) && !QuestionWords.PersonalPronouns.Contains(lower) => !HasContentBefore(question, i),
                "it" => !IsEmptyIt(tokens, i) && !IsBoundAcrossClause(question, i),
                _ when QuestionWords.PersonalPronouns.Contains(lower) => !IsBoundAcrossClause(question, i),
                "there" => !IsEmptyThere(tokens, i) && !IsBoundAcrossClause(question, i),
                _ when QuestionWords.Demonstratives.Contains(lower) => IsDemonstrative(tokens, i) && !IsBoundAcrossClause(question, i),
                _ => false,
            };
            if (points)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasContentBefore(QuestionText question, int index) =>
        Enumerable.Range(question.OpenerLength, index - question.OpenerLength).Any(j => IsContent(question.Tokens[j]));

    // A content word, then a clause boundary, then the pronoun: the pronoun can point back at that word.
    private static bool IsBoundAcrossClause(QuestionText question, int index)
    {
        var sawBoundary = false;
        for (var j = index - 1; j >= question.OpenerLength; j--)
        {
            var token = question.Tokens[j];
            if (QuestionText.IsMark(token) || (j > question.OpenerLength && QuestionWords.ClauseLinks.Contains(QuestionText.Lower(token))))
            {
                sawBoundary = true;
            }
            else if (sawBoundary && IsContent(token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsContent(string token) =>
        !QuestionText.IsMark(token) && !QuestionWords.IsFunction(QuestionText.Lower(token)) && !QuestionWords.IsVerb(QuestionText.Lower(token));

    private static bool IsEmptyThere(IReadOnlyList<string> tokens, int i) =>
        (i > 0 && QuestionWords.BeForms.Contains(QuestionText.Lower(tokens[i - 1])))
        || (i + 1 < tokens.Count && QuestionWords.BeForms.Contains(QuestionText.Lower(tokens[i + 1])));

    // "is it true that …", "was it hard to …": "it" stands for the clause that follows.
    private static bool IsEmptyIt(IReadOnlyList<string> tokens, int i) =>
        tokens.Skip(i + 1).Take(3).Any(t => QuestionText.Lower(t) is "that" or "to" or "whether");

    // "that" after a noun or a verb is a relative or a conjunction ("the planes that …", "true that …"), not a
    // pronoun, unless nothing follows it ("which source says that?").
    private static bool IsDemonstrative(IReadOnlyList<string> tokens, int i)
    {
        if (i == 0 || i == tokens.Count - 1)
        {
            return true;
        }

        var before = QuestionText.Lower(tokens[i - 1]);
        return QuestionText.IsMark(tokens[i - 1])
            || QuestionWords.Auxiliaries.Contains(before)
            || QuestionWords.Prepositions.Contains(before)
            || QuestionWords.IsQuestionWord(before)
            || QuestionWords.Connectives.Contains(before)
            || before is "like" or "all";
    }
}
