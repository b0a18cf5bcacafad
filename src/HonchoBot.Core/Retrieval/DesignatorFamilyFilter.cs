using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// At index time, stacks the family name on a joined designator ("mig15" also indexes "mig" at the same
/// position), so a question about "MiGs" finds text about "MiG-15s" while "MiG-15" stays specific.
/// Single-letter families (F, B, P, T) are left alone: "f" alone means nothing.
/// </summary>
internal sealed partial class DesignatorFamilyFilter : TokenFilter
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

        var match = Family().Match(_term.ToString());
        if (match.Success)
        {
            _family = match.Groups[1].Value;
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

    [GeneratedRegex(@"^(mig|yak|tu|il|la|su|an|mi|rb)\d", RegexOptions.CultureInvariant)]
    private static partial Regex Family();
}
