using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>The verbatim statement a claim is quoted with.</summary>
internal static class StatementSpan
{
    private const int MaxStatement = 160;

    /// <summary>The clause, trimmed of closing punctuation; a long clause is cut to the comma-separated parts that hold the claim.</summary>
    public static Segment Of(TaggedText doc, Segment clause, int mustStart, int mustEnd)
    {
        var text = doc.Text;
        var start = clause.Start;
        var end = clause.End;
        if (end - start > MaxStatement)
        {
            var comma = text.LastIndexOf(", ", Math.Max(start, mustStart - 1), Math.Max(0, mustStart - start), StringComparison.Ordinal);
            if (comma >= start && comma + 2 <= mustStart)
            {
                start = comma + 2;
            }

            var next = mustEnd < end ? text.IndexOf(", ", mustEnd, end - mustEnd, StringComparison.Ordinal) : -1;
            if (next >= 0)
            {
                end = next;
            }
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?'))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new Segment(start, end);
    }
}
