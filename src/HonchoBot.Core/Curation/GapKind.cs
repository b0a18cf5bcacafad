namespace HonchoBot.Core.Curation;

/// <summary>Why a question is a coverage gap.</summary>
public enum GapKind
{
    /// <summary>The bot found nothing to answer it with (<c>no_answer</c>).</summary>
    Unanswered,

    /// <summary>It was answered, and someone voted 👎 on the answer.</summary>
    DownVoted,
}
