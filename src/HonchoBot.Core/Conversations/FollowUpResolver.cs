namespace HonchoBot.Core.Conversations;

/// <summary>
/// Decides whether a question depends on the one before it in its conversation and, if so, which question to
/// answer instead. Pure and explainable: it reads word classes (<see cref="QuestionWords"/>), never topics.
/// A question is a follow-up when it
/// <list type="bullet">
/// <item>opens with "what about", "how about", "as for" … (a new focus for the same question);</item>
/// <item>has no topic words at all ("why?", "when was that?", "who won?");</item>
/// <item>uses a pronoun with nothing in the question to stand for ("when did they arrive?", "what happened there?");</item>
/// <item>has no verb and so no clause of its own: after "and"/"but"/"also", or as "how many …", or as a question
/// word with a noun, or as a bare noun phrase of one or two words ("the Americans?").</item>
/// </list>
/// Anything else stands on its own, "And" at the start or not: "and how many pilots did the Chinese lose?" has
/// its own verb and subject. <see cref="FollowUpRewriter"/> then builds the question to answer.
/// </summary>
public static class FollowUpResolver
{
    /// <param name="question">The question as asked.</param>
    /// <param name="previous">What the previous question of the conversation was taken to mean; null when there is none.</param>
    public static FollowUpResolution Resolve(string question, string? previous)
    {
        if (string.IsNullOrWhiteSpace(previous))
        {
            return FollowUpResolution.Standalone(question, "no previous question");
        }

        var asked = QuestionText.Parse(question);
        var before = QuestionText.Parse(previous);
        if (asked.Tokens.Count == 0 || asked.IsSocial)
        {
            return FollowUpResolution.Standalone(question, "not a question");
        }

        var reason = WhyFollowUp(asked);
        return reason is null
            ? FollowUpResolution.Standalone(question, "stands on its own")
            : new FollowUpResolution(true, FollowUpRewriter.Rewrite(asked, before, question), reason);
    }

    private static string? WhyFollowUp(QuestionText asked)
    {
        var body = asked.Body;
        if (asked.IsShift)
        {
            return "opens with a change of focus";
        }

        if (body.Count == 0)
        {
            return "only a connective";
        }

        if (asked.TopicWords().Count == 0)
        {
            return "no topic words of its own";
        }

        if (Anaphora.FirstUnbound(asked) >= 0)
        {
            return "a pronoun with nothing in the question to stand for";
        }

        if (asked.HasVerb)
        {
            return null;
        }

        if (asked.HasOpener)
        {
            return "a connective and no verb";
        }

        if (asked.QuantityStart >= 0 || QuestionWords.IsQuestionWord(QuestionText.Lower(body[0])))
        {
            return "a question word and no verb";
        }

        return asked.ContentWords().Count <= 2 ? "a bare noun phrase" : null;
    }
}
