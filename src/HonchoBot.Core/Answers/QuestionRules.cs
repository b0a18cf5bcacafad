namespace HonchoBot.Core.Answers;

/// <summary>
/// The edge checks every question passes, whichever way it came in (chat through the pipeline, or the command
/// line straight to the answerer): not empty, not longer than <see cref="Question.MaxLength"/>.
/// </summary>
public static class QuestionRules
{
    public const string EmptyMessage = "Ask me a question, e.g. \"How many MiG-15s did the Sabre pilots claim?\"";

    /// <summary>An <c>invalid</c> answer saying what is wrong, or null when the text may be searched.</summary>
    public static Answer? Check(string? text, double elapsedMs = 0)
    {
        text ??= string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Answer.Without(text, AnswerStatus.Invalid, EmptyMessage, elapsedMs);
        }

        return text.Length > Question.MaxLength
            ? Answer.Without(
                text,
                AnswerStatus.Invalid,
                $"That question is {text.Length:N0} characters long; please keep it under {Question.MaxLength:N0}.",
                elapsedMs)
            : null;
    }
}
