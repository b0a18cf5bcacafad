namespace HonchoBot.Core.Answers;

/// <summary>Why a question gets <c>no_answer</c>.</summary>
public enum NoAnswerReason
{
    /// <summary>Only question words and fillers: nothing to search for.</summary>
    NothingToSearch,

    /// <summary>The evidence does not cover the question.</summary>
    NotCovered,

    /// <summary>The question is about names the library has never heard of.</summary>
    UnknownNames,
}
