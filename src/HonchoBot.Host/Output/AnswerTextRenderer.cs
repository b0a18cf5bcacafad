using System.Globalization;
using System.Text;
using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Output;

/// <summary>The human form of an answer for the terminal: excerpts with [n] markers, then numbered sources.</summary>
internal static class AnswerTextRenderer
{
    public static string Render(Answer answer)
    {
        var text = new StringBuilder();
        if (answer.Status != AnswerStatus.Answered)
        {
            return answer.Message ?? answer.Status.ToString();
        }

        foreach (var citation in answer.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{citation.N}] “{citation.Excerpt}”").AppendLine().AppendLine();
        }

        if (answer.Disagreements.Count > 0)
        {
            text.AppendLine("Sources disagree:");
            foreach (var disagreement in answer.Disagreements)
            {
                text.Append(CultureInfo.InvariantCulture, $"  • {disagreement.Topic}: ");
                text.AppendJoin("; ", disagreement.Claims.Select(c => $"“{c.Statement}” [{c.Citation}]"));
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    ({disagreement.Note})").AppendLine();
            }

            text.AppendLine();
        }

        text.AppendLine("Sources:");
        foreach (var citation in answer.Citations)
        {
            var parts = new[] { citation.Publisher, citation.Published, citation.Location }.Where(p => !string.IsNullOrEmpty(p));
            text.Append(CultureInfo.InvariantCulture, $"  [{citation.N}] {citation.Title} — {string.Join(", ", parts)}");
            if (citation.Url is not null)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"      {citation.Url}");
            }

            // The source's perspective travels with every citation of it (README, "Corpus format").
            if (!string.IsNullOrWhiteSpace(citation.Notes))
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"      Note: {citation.Notes.ReplaceLineEndings(" ")}");
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
