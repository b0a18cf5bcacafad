using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Replays tokens analysed once, so a passage's text is run through the analysis chain a single time for
/// both of its indexed fields: the terms as they are (<see cref="TextAnalysis.TextField"/>) and their
/// five-letter prefixes (<see cref="TextAnalysis.PrefixField"/>), which the chain would otherwise produce by
/// analysing the whole text again.
/// </summary>
internal sealed class TokenListStream : TokenStream
{
    private IReadOnlyList<AnalyzedToken> _tokens;
    private readonly int _truncateTo;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private int _next;
    private int _position;

    /// <param name="truncateTo">Cut every term to this many characters; 0 keeps them whole.</param>
    public TokenListStream(IReadOnlyList<AnalyzedToken> tokens, int truncateTo = 0)
    {
        _tokens = tokens;
        _truncateTo = truncateTo;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Replays <paramref name="tokens"/> from the next <see cref="Reset"/> on (a stream reused for each passage).</summary>
    public void Replay(IReadOnlyList<AnalyzedToken> tokens) => _tokens = tokens;

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        var token = _tokens[_next++];
        var length = _truncateTo > 0 && token.Term.Length > _truncateTo ? _truncateTo : token.Term.Length;
        token.Term.CopyTo(0, _term.ResizeBuffer(length), 0, length);
        _term.SetLength(length);
        _increment.PositionIncrement = token.Position - _position;
        _position = token.Position;
        _offset.SetOffset(token.Start, token.End);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
        _position = -1;
    }
}
