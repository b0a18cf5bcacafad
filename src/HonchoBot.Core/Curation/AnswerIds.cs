using System.Globalization;
using System.Security.Cryptography;

namespace HonchoBot.Core.Curation;

/// <summary>
/// Compact answer ids for buttons: the UTC day (<c>yyMMdd</c>) then ten random base-32 characters, e.g.
/// <c>261201k3f9a2bqx7</c>. The day says which daily file holds the answer, so a lookup reads one file.
/// </summary>
public static class AnswerIds
{
    /// <summary>Length of every id.</summary>
    public const int Length = 16;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly System.Buffers.SearchValues<char> AlphabetChars = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>A new id for an answer given at <paramref name="time"/>.</summary>
    public static string New(DateTimeOffset time)
    {
        Span<char> id = stackalloc char[Length];
        time.UtcDateTime.TryFormat(id, out _, "yyMMdd", CultureInfo.InvariantCulture);
        for (var i = 6; i < Length; i++)
        {
            id[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(id);
    }

    /// <summary>The day an id was made, or false when it is not an id of this shape.</summary>
    public static bool TryGetDay(string? id, out DateOnly day)
    {
        day = default;
        return id is { Length: Length }
            && id.AsSpan(6).IndexOfAnyExcept(AlphabetChars) < 0
            && DateOnly.TryParseExact(id.AsSpan(0, 6), "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
