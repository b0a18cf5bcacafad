using System.Globalization;
using System.Text;
using HonchoBot.Core.Curation;

namespace HonchoBot.Host.Output;

/// <summary>The readable form of <c>honcho gaps</c>: one block per group, most asked first.</summary>
internal static class GapsTextRenderer
{
    public static string Render(GapReport report)
    {
        var text = new StringBuilder();
        var scope = report.Community ?? "all communities";
        text.Append(CultureInfo.InvariantCulture, $"Coverage gaps, last {report.Days} days ({scope}): {report.Questions} questions asked, {report.Groups.Count} groups\n");
        if (report.Groups.Count == 0)
        {
            text.Append("No unanswered or down-voted questions.\n");
            return text.ToString();
        }

        foreach (var group in report.Groups)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{group.Count}× \"{group.Example.ReplaceLineEndings(" ")}\"\n");
            text.Append("   ").Append(Describe(group));
            if (group.Terms.Count > 0)
            {
                text.Append(" · words: ").Append(string.Join(", ", group.Terms));
            }

            text.Append(CultureInfo.InvariantCulture, $" · last {group.LastAsked.UtcDateTime:yyyy-MM-dd}\n");
        }

        return text.ToString();
    }

    /// <summary>"2 unanswered, 1 down-voted (1 wrong source)".</summary>
    public static string Describe(GapGroup group)
    {
        var parts = new List<string>();
        if (group.Unanswered > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Unanswered} unanswered"));
        }

        if (group.DownVoted > 0)
        {
            var reasons = new List<string>();
            if (group.WrongSource > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{group.WrongSource} wrong source"));
            }

            if (group.MissingAnswer > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{group.MissingAnswer} missing answer"));
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.DownVoted} down-voted") + (reasons.Count > 0 ? $" ({string.Join(", ", reasons)})" : string.Empty));
        }

        return string.Join(", ", parts);
    }
}
