using System.Globalization;
using System.Text;
using HonchoBot.Core.Curation;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Rendering;

/// <summary>Renders <c>/source gaps</c>: one numbered line per group of similar questions, most asked first.</summary>
public static class GapsRenderer
{
    /// <summary>Groups shown in one embed.</summary>
    public const int MaxGroups = 15;

    public static DiscordMessage Render(GapReport report)
    {
        if (report.Groups.Count == 0)
        {
            return DiscordMessage.Text(string.Create(CultureInfo.InvariantCulture,
                $"No unanswered or down-voted questions in this server in the last {report.Days} days ({report.Questions} asked)."));
        }

        var text = new StringBuilder();
        var n = 0;
        foreach (var group in report.Groups)
        {
            n++;
            var example = DiscordText.Escape(DiscordText.Truncate(group.Example.ReplaceLineEndings(" "), 200));
            text.Append(CultureInfo.InvariantCulture, $"**{n}.** {group.Count}× “{example}”\n");
            text.Append("   ").Append(Describe(group)).Append('\n');
        }

        var embed = new Embed
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Coverage gaps, last {report.Days} days"),
            Description = text.ToString(),
            Color = DiscordAnswerRenderer.NoAnswerColor,
            Footer = new EmbedFooter(string.Create(CultureInfo.InvariantCulture,
                $"{report.Questions} questions asked · the next source to add answers the top ones")),
        };
        return new DiscordMessage { Embeds = [DiscordAnswerRenderer.FitEmbed(embed)] };
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
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.DownVoted} 👎"));
        }

        if (group.WrongSource > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.WrongSource} wrong source"));
        }

        if (group.MissingAnswer > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.MissingAnswer} missing answer"));
        }

        return string.Join(" · ", parts);
    }
}
