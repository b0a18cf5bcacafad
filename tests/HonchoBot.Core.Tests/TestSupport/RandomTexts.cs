namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>Short random texts over a chosen alphabet, for tests that hold a shortcut to the plain way.</summary>
internal static class RandomTexts
{
    /// <summary>5,000 texts of fewer than <paramref name="maxLength"/> characters drawn from <paramref name="alphabet"/>.</summary>
    public static IEnumerable<string> From(string alphabet, int seed, int maxLength)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            yield return new string([.. Enumerable.Range(0, random.Next(0, maxLength)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        }
    }
}
