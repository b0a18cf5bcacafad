using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Tells ordinary English words from names, places, designators and years: a data file of about 39,000
/// common words (<c>common-english.txt</c>). A question word the library has never seen means little when
/// it is ordinary ("what happened to…", "how big…"): the meaning layer bridges it. When it is a name the
/// library has never seen ("Luftwaffe", "Falklands", "1972"), the library cannot answer the question.
/// </summary>
internal static partial class CommonWords
{
    private static readonly Lazy<FrozenSet<string>> Words = new(() => SynonymList.ReadResource("HonchoBot.Core.Retrieval.common-english.txt")
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToFrozenSet(StringComparer.Ordinal));

    /// <summary>
    /// True for an ordinary English word (and for plain numbers other than years); false for a name, a
    /// designator (F-4, MiG-21), a year, or a word the list does not know.
    /// </summary>
    public static bool IsCommon(string word)
    {
        var lower = word.Trim().ToLowerInvariant();
        if (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        if (Year().IsMatch(lower))
        {
            return false;
        }

        if (Number().IsMatch(lower))
        {
            return true;
        }

        return lower.All(char.IsAsciiLetterLower) && Words.Value.Contains(lower);
    }

    [GeneratedRegex(@"^(1[89]\d\d|20\d\d)s?$", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"^[\d.,%]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
