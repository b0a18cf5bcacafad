using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// At index time, stacks the family name on a joined designator ("mig15" also indexes "mig" at the same
/// position), so a question about "MiGs" finds text about "MiG-15s" while "MiG-15" stays specific.
/// Single-letter families (F, B, P, T) are left alone: "f" alone means nothing.
/// </summary>
internal sealed class DesignatorFamilyFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private State? _pending;
    private string? _family;

    public DesignatorFamilyFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pending);
            _pending = null;
            _term.SetEmpty().Append(_family);
            _increment.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (FamilyOf(_term.Buffer, _term.Length) is { } family)
        {
            _family = family;
            _pending = CaptureState();
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _family = null;
    }

    /// <summary>
    /// The family a joined designator starts with ("mig" of "mig15"): one of <see cref="Families"/> followed
    /// directly by a digit. Read from the term buffer: this runs on every token of every passage.
    /// </summary>
    internal static string? FamilyOf(char[] term, int length)
    {
        var letters = 0;
        while (letters < length && letters < 4 && term[letters] is >= 'a' and <= 'z')
        {
            letters++;
        }

        if (letters is < 2 or > 3 || letters >= length || !char.IsAsciiDigit(term[letters]))
        {
            return null;
        }

        var prefix = term.AsSpan(0, letters);
        foreach (var family in Families)
        {
            if (prefix.SequenceEqual(family))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>Designator families whose name stacks on the joined designator (lower case, as analysed).</summary>
    private static readonly string[] Families = ["mig", "yak", "tu", "il", "la", "su", "an", "mi", "rb"];
}
