using System.Globalization;
using System.Text;
using HonchoBot.Core.Claims.Lexicon;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// Finds people in a text and resolves their pronouns. A name is two or more capitalised words that the lexicon
/// does not know (a side, thing, place, unit…), or one such word after a rank ("Col. Pepelyayev"), before a
/// possessive, or before a verb a person does ("Sutyagin flew …"). Its key is the surname with spelling folded,
/// so Pepelyaev and Pepelyayev, or Sutyagin and Sutiagin, are one person.
/// </summary>
internal static class PersonNames
{
    /// <summary>The spelling-folded key of a surname: lower case, no accents or punctuation, the lexicon's folds,
    /// doubled letters single, and an "i" between two vowels dropped ("Pepelyayev" → "pepeliaev").</summary>
    public static string Key(string surname, ClaimLexicon lexicon)
    {
        var plain = new StringBuilder(surname.Length);
        foreach (var c in surname.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var folded = plain.ToString();
        foreach (var (from, to) in lexicon.SpellingFolds)
        {
            folded = folded.Replace(from, to, StringComparison.Ordinal);
        }

        var key = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (key.Length > 0 && key[^1] == c)
            {
                continue;
            }

            if (c == 'i' && key.Length > 0 && IsVowel(key[^1]) && i + 1 < folded.Length && IsVowel(folded[i + 1]))
            {
                continue;
            }

            key.Append(c);
        }

        return key.ToString();
    }

    /// <summary>Names and resolved pronouns, in text order; <paramref name="known"/> are spans of lexicon terms.</summary>
    public static List<PersonRef> Find(TextTokens text, ClaimLexicon lexicon, List<(int Start, int End)> known)
    {
        // Twice: a surname that is a name somewhere in the passage ("McConnell, who served …") is one everywhere in it
        // ("America's leading ace was joe McConnell of the 51st Wing").
        var surnames = new Dictionary<string, string>(StringComparer.Ordinal);
        var knownTokens = new bool[text.Tokens.Length];
        foreach (var (start, end) in known)
        {
            for (var k = text.TokenAt(start); k < knownTokens.Length && text.Tokens[k].Start < end; k++)
            {
                knownTokens[k] = true;
            }
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        Scan(text, lexicon, knownTokens, surnames, keys);
        var refs = Scan(text, lexicon, knownTokens, surnames, keys);
        ResolvePronouns(text, lexicon, refs);
        return refs;
    }

    /// <param name="keys">Surnames already folded into keys (the second scan meets the first one's again).</param>
    private static List<PersonRef> Scan(TextTokens text, ClaimLexicon lexicon, bool[] known, Dictionary<string, string> surnames, Dictionary<string, string> keys)
    {
        var tokens = text.Tokens;
        var refs = new List<PersonRef>();
        var k = 0;
        while (k < tokens.Length)
        {
            // Names and ranks start with a capital.
            if (tokens[k].Kind != TokenKind.Word || !IsCapitalised(text.Span(tokens[k])))
            {
                k++;
                continue;
            }

            var (rank, rankInfo) = RankAt(text, lexicon, k);
            var start = rank > 0 ? k + rank : k;
            var (first, last) = NameWords(text, lexicon, known, start, afterRank: rank > 0);
            if (last < first)
            {
                k = Math.Max(k + 1, start);
                continue;
            }

            var words = last - first + 1;
            var surname = WithoutPossessive(text.Span(tokens[last])).ToString();
            if (!keys.TryGetValue(surname, out var key))
            {
                keys[surname] = key = Key(surname, lexicon);
            }

            var accepted = key.Length >= 2 && (rank > 0 || words >= 2 || surnames.ContainsKey(key) || IsPersonContext(text, lexicon, first, last));
            if (accepted)
            {
                surnames.TryAdd(key, surname);
                refs.Add(new PersonRef(tokens[rank > 0 ? k : first].Start, tokens[last].End, key, surnames[key], IsPronoun: false, rankInfo));
            }

            k = last + 1;
        }

        return refs;
    }

    private static void ResolvePronouns(TextTokens text, ClaimLexicon lexicon, List<PersonRef> refs)
    {
        if (refs.Count == 0)
        {
            return;
        }

        var names = refs.ToList();
        foreach (var token in text.Tokens)
        {
            if (token.Kind != TokenKind.Word || !lexicon.Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.Span(token)))
            {
                continue;
            }

            // The last person named before the pronoun in the passage.
            PersonRef? antecedent = null;
            foreach (var name in names)
            {
                if (name.End <= token.Start)
                {
                    antecedent = name;
                }
            }

            if (antecedent is { } a)
            {
                refs.Add(new PersonRef(token.Start, token.End, a.Key, a.Name, IsPronoun: true));
            }
        }

        refs.Sort((x, y) => x.Start.CompareTo(y.Start));
    }

    /// <summary>How many tokens of a rank or title start at <paramref name="k"/> (0 when none), and the rank: "Lt. Col." is three.</summary>
    private static (int Length, RankInfo? Rank) RankAt(TextTokens text, ClaimLexicon lexicon, int k)
    {
        if (!lexicon.RanksByFirstWord.TryGetValue(text.Span(text.Tokens[k]), out var candidates))
        {
            return (0, null);
        }

        var best = 0;
        RankInfo? found = null;
        foreach (var (phrase, rank) in candidates)
        {
            if (phrase.Length > best && text.MatchesAt(k, phrase))
            {
                best = phrase.Length;
                found = rank;
            }
        }

        // A rank must be followed by a name: "Major James Jabara", not "a major air battle".
        return best > 0 && best + k < text.Tokens.Length && IsNameWord(text, text.Tokens[k + best]) ? (best, found) : (0, null);
    }

    /// <summary>The capitalised words from <paramref name="k"/> that may form a name (initials and hyphens included).</summary>
    private static (int First, int Last) NameWords(TextTokens text, ClaimLexicon lexicon, bool[] known, int k, bool afterRank)
    {
        var tokens = text.Tokens;
        var first = k;
        var last = k - 1;
        for (var j = k; j < tokens.Length; j++)
        {
            var token = tokens[j];
            var word = text.Span(token);
            if (token.Kind == TokenKind.Punct)
            {
                // "G." after an initial, "Il-Sung", a quoted nickname: part of the name when a name word follows.
                var joins = j > first && last == j - 1
                    && ((word[0] == '.' && text.Span(tokens[j - 1]).Length == 1) || (TermMatcher<int>.IsHyphen(word[0]) && token.Start == tokens[j - 1].End));
                if (joins)
                {
                    continue;
                }

                break;
            }

            var bare = WithoutPossessive(word);
            if (!IsNameWord(text, token) || known[j]
                || (!afterRank && lexicon.NameStops.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare))
                || lexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare)
                || lexicon.RankWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare))
            {
                break;
            }

            if (bare.Length < word.Length)
            {
                // A possessive ends the name: "Garrett's F-86".
                last = j;
                break;
            }

            if (lexicon.NameSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                break;
            }

            last = j;
        }

        // A trailing initial is not a surname.
        while (last >= first && text.Span(tokens[last]).Length == 1)
        {
            last--;
        }

        return (first, last);
    }

    /// <summary>A lone capitalised word is a person when a possessive or a person's verb follows it, or a verb that takes a person precedes it.</summary>
    private static bool IsPersonContext(TextTokens text, ClaimLexicon lexicon, int first, int last)
    {
        if (first > 0 && lexicon.LeadVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.Span(text.Tokens[first - 1])))
        {
            return true;
        }

        var next = last + 1;
        if (next >= text.Tokens.Length)
        {
            return false;
        }

        var after = text.Span(text.Tokens[next]);
        if (after.Length == 1 && after[0] is ',' && next + 1 < text.Tokens.Length)
        {
            after = text.Span(text.Tokens[next + 1]);
        }

        var word = text.Span(text.Tokens[last]);
        if (WithoutPossessive(word).Length < word.Length)
        {
            return true;
        }

        return lexicon.FollowVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(after);
    }

    private static bool IsNameWord(TextTokens text, Token token)
    {
        var word = text.Span(token);
        return token.Kind == TokenKind.Word && IsCapitalised(word) && !word.ContainsAnyInRange('0', '9')
            && (word.Length == 1 || !IsAllCaps(word) || word.Length <= 3);
    }

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[^1] is 's' && word[^2] is '\'' or '’' ? word[..^2] : word;

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
