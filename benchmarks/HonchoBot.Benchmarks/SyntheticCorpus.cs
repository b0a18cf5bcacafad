using System.Globalization;
using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Benchmarks;

/// <summary>
/// A deterministic synthetic corpus with a domain-like vocabulary (aircraft, units, places, years,
/// figures) and realistic paragraph lengths (60–180 words), so query and excerpt costs resemble the
/// real ones. The same seed gives the same corpus, byte for byte.
/// </summary>
internal sealed class SyntheticCorpus(int seed)
{
    private static readonly string[] Aircraft = ["MiG-15", "MiG-15bis", "F-86 Sabre", "B-29", "Yak-9U", "Il-10", "F-80", "F-84", "La-11", "Tu-4", "MiG-17", "F9F Panther", "Meteor", "P-51 Mustang"];
    private static readonly string[] Units = ["the 64th Fighter Aviation Corps", "the 324th Division", "the 303rd Division", "the 4th Fighter Wing", "the 51st Fighter Wing", "a PVO regiment", "a Chinese division", "the 196th Regiment", "Bomber Command", "the 17th Regiment"];
    private static readonly string[] Places = ["Antung", "Mukden", "the Yalu River", "MiG Alley", "Pyongyang", "Sinuiju", "Manchuria", "Tatung-kou", "Kimpo", "Suwon", "Port Arthur", "Liaoning", "Chongchon"];
    private static readonly string[] Verbs = ["claimed", "reported", "lost", "shot down", "escorted", "intercepted", "deployed", "rotated", "recorded", "acknowledged", "attacked", "defended"];
    private static readonly string[] Nouns = ["pilots", "aircraft", "sorties", "victories", "losses", "bombers", "fighters", "airfields", "regiments", "crews", "engagements", "patrols", "records", "veterans", "archives"];
    private static readonly string[] Fillers = ["according to later accounts", "in the spring of that year", "despite poor weather", "under strict orders", "as historians later noted", "with heavy escort", "during the winter", "after long debate", "in several waves", "near the border"];
    private static readonly string[] Common = ["the", "of", "and", "a", "in", "to", "was", "were", "that", "with", "for", "on", "by", "as", "their", "which", "from", "it", "had", "more"];
    private static readonly string[] Rare = BuildRareWords();

    private readonly Random _random = new(seed);

    /// <summary>Documents of 20 paragraphs each, enough for about <paramref name="passages"/> passages.</summary>
    public IEnumerable<SourceDocument> Documents(int passages)
    {
        var documents = Math.Max(1, passages / 20);
        for (var d = 0; d < documents; d++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"synthetic-{d:D6}");
            var blocks = Enumerable.Range(1, 20).Select(p => new SourceBlock(Paragraph(), $"¶{p}")).ToList();
            yield return new SourceDocument(new SourceInfo(id, $"Synthetic history {d}", Publisher: "Benchmark Press", Published: "2020"), blocks, id);
        }
    }

    /// <summary>Question-like queries: a wh-word, domain words and a rare word or two.</summary>
    public IReadOnlyList<string> Questions(int count) =>
        Enumerable.Range(0, count).Select(_ => Pick(_random.Next(4) switch
        {
            0 => $"How many {Pick(Nouns)} did {Pick(Units)} {Pick(Verbs)} near {Pick(Places)}?",
            1 => $"When did the {Pick(Aircraft)} first appear over {Pick(Places)}?",
            2 => $"Which {Pick(Nouns)} were {Pick(Verbs)} by {Pick(Units)} with {Pick(Aircraft)}s?",
            _ => $"What {Pick(Rare)} {Pick(Nouns)} of {Pick(Places)} {Pick(Verbs)} the {Pick(Aircraft)}?",
        })).ToList();

    /// <summary>
    /// A second, independent generator that does not flatter: chat-style questions built from the corpus's most
    /// frequent words ("What about the regular pilots?", "losses?"), and very short ones. Common words walk long
    /// postings lists and match nearly every passage a little, which is where tail latency comes from.
    /// </summary>
    public IReadOnlyList<string> CommonWordQuestions(int count) =>
        Enumerable.Range(0, count).Select(_ => _random.Next(6) switch
        {
            0 => $"What about the {Pick(Nouns)}?",
            1 => $"What about {Pick(Verbs)} {Pick(Places)}?",
            2 => $"{Pick(Nouns)}?",
            3 => $"{Pick(Verbs)} {Pick(Nouns)} {Pick(Common)} {Pick(Units)}",
            4 => $"Tell me about the {Pick(Nouns)} and the {Pick(Nouns)} {Pick(Fillers)}",
            _ => $"{Pick(Aircraft)} {Pick(Nouns)} in {1950 + _random.Next(4)}",
        }).ToList();

    private string Pick(string value) => value;

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private string Paragraph()
    {
        var text = new StringBuilder();
        var target = _random.Next(60, 181);
        var words = 0;
        while (words < target)
        {
            var sentence = Sentence();
            words += sentence.Count(c => c == ' ') + 1;
            text.Append(sentence).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private string Sentence()
    {
        var figure = _random.Next(3) == 0 ? _random.Next(2, 2000).ToString("N0", CultureInfo.InvariantCulture) : "several";
        var parts = new List<string>
        {
            $"In {1950 + _random.Next(4)} {Pick(Units)} {Pick(Verbs)} {figure} {Pick(Nouns)}",
            Pick(Fillers),
            $"over {Pick(Places)} with {Pick(Aircraft)}s",
        };
        for (var i = _random.Next(2, 9); i > 0; i--)
        {
            parts.Add(_random.Next(3) == 0 ? Pick(Rare) : Pick(Common));
        }

        return string.Join(' ', parts) + ".";
    }

    private static string[] BuildRareWords()
    {
        // A Zipf-like tail of pronounceable made-up words, fixed by seed.
        var random = new Random(7);
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        return Enumerable.Range(0, 5000).Select(_ =>
        {
            var length = random.Next(2, 5);
            var word = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
            }

            return word.ToString();
        }).ToArray();
    }
}
