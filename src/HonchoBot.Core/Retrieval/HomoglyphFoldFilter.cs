using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Folds Cyrillic and Greek look-alike letters to Latin inside tokens that also contain ASCII letters
/// ("Lее Mаtz" with Cyrillic е/а → "Lee Matz"). Genuine Russian or Greek words are left alone.
/// Offsets are untouched, so excerpts still quote the original (docs/index-design.md, "One analysis chain").
/// </summary>
internal sealed class HomoglyphFoldFilter : TokenFilter
{
    private static readonly FrozenDictionary<char, char> LookAlikes = new Dictionary<char, char>
    {
        // Cyrillic lowercase
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i',
        ['ј'] = 'j', ['ѕ'] = 's', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l',
        // Cyrillic uppercase
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P',
        ['С'] = 'C', ['Т'] = 'T', ['Х'] = 'X', ['У'] = 'Y', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S',
        // Greek
        ['ο'] = 'o', ['α'] = 'a', ['ν'] = 'v', ['ι'] = 'i', ['κ'] = 'k', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M',
        ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
    }.ToFrozenDictionary();

    private readonly ICharTermAttribute _term;

    public HomoglyphFoldFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        var hasAscii = false;
        var hasLookAlike = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            hasAscii |= c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
            hasLookAlike |= LookAlikes.ContainsKey(c);
        }

        if (hasAscii && hasLookAlike)
        {
            for (var i = 0; i < length; i++)
            {
                if (LookAlikes.TryGetValue(buffer[i], out var latin))
                {
                    buffer[i] = latin;
                }
            }
        }

        return true;
    }
}
