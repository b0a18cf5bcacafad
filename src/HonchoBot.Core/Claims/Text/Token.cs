namespace HonchoBot.Core.Claims.Text;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

internal readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
}
