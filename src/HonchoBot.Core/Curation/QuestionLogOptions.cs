using System.ComponentModel.DataAnnotations;

namespace HonchoBot.Core.Curation;

/// <summary>
/// The question log and feedback settings (appsettings <c>Questions</c>). <see cref="Record"/> false or
/// <see cref="RetentionDays"/> 0 switches both off: no question, answer record or vote is written.
/// </summary>
public sealed class QuestionLogOptions
{
    public const string Section = "Questions";

    /// <summary>Record questions (text, status, community, time; never a user id) and answers' feedback.</summary>
    public bool Record { get; set; } = true;

    /// <summary>Days a question, answer record or vote is kept; whole days older than this are deleted.</summary>
    [Range(0, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>True when anything is recorded at all.</summary>
    public bool IsOn => Record && RetentionDays > 0;
}
