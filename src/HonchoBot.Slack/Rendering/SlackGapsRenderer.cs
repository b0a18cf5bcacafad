using System.Globalization;
using System.Text;
using HonchoBot.Core.Curation;

namespace HonchoBot.Slack.Rendering;

/// <summary>Renders <c>/honcho gaps</c>: one numbered line per group of similar questions, most asked first, escaped.</summary>
public static class SlackGapsRenderer
{
    /// <summary>Groups shown in one message.</summary>
    public const int MaxGroups = 15;

    public static SlackMessage Render(GapReport report)
    {
        if (report.Groups.Count == 0)
        {
            return SlackMessage.Plain(string.Create(CultureInfo.InvariantCulture,
                $"No unanswered or down-voted questions in this workspace in the last {report.Days} days ({report.Questions} asked)."));
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"*Coverage gaps, last {report.Days} days* ({report.Questions} questions asked)\n"));
        var n = 0;
        foreach (var group in report.Groups)
        {
            n++;
            var example = SlackText.Escape(group.Example.ReplaceLineEndings(" "));
            text.Append(CultureInfo.InvariantCulture, $"{n}. *{group.Count}×* “{SlackText.Fit(example, 300)}” — {Describe(group)}\n");
        }

        return SlackMessage.Plain(SlackText.Fit(text.ToString().TrimEnd(), SlackMessage.MaxTextLength));
    }

    private static string Describe(GapGroup group)
    {
        var parts = new List<string>();
        if (group.Unanswered > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Unanswered} unanswered"));
        }

        if (group.DownVoted > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.DownVoted} :-1:"));
        }

        if (group.WrongSource > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.WrongSource} wrong source"));
        }

        if (group.MissingAnswer > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.MissingAnswer} missing answer"));
        }

        return string.Join(", ", parts);
    }
}
