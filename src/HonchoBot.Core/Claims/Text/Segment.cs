namespace HonchoBot.Core.Claims.Text;

/// <summary>A span of a text: a sentence or a clause.</summary>
internal readonly record struct Segment(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;
}
