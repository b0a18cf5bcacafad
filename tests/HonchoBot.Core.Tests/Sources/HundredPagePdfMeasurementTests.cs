using System.Diagnostics;
using System.Globalization;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace HonchoBot.Core.Tests.Sources;

/// <summary>
/// A measurement, not a timed test (a bound on real time fails on a busy machine, so timing targets live in docs/performance.md): adds a generated
/// 100-page PDF through the registry and asks about a fact on page 73, printing the seconds from
/// "add" to "answered". It asserts only the outcome. Run it with
/// <c>dotnet test --filter HundredPagePdfMeasurementTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class HundredPagePdfMeasurementTests(ITestOutputHelper output)
{
    private static readonly string[] Words =
    [
        "regiment", "airfield", "sortie", "pilot", "squadron", "engine", "winter", "river", "bridge", "radar",
        "patrol", "escort", "bomber", "convoy", "depot", "runway", "altitude", "report", "weather", "mission",
        "division", "commander", "mechanic", "fuel", "ammunition", "intercept", "formation", "valley", "coast", "signal",
    ];

    [Fact]
    public async Task A_hundred_page_pdf_is_added_and_answerable()
    {
        var random = new Random(1950);
        var pages = new List<string[]>();
        for (var page = 1; page <= 100; page++)
        {
            var paragraphs = new List<string>();
            for (var p = 0; p < 5; p++)
            {
                var sentence = string.Join(' ', Enumerable.Range(0, 60).Select(_ => Words[random.Next(Words.Length)]));
                paragraphs.Add(string.Create(CultureInfo.InvariantCulture, $"Diary page {page} entry {p}: the {sentence}."));
            }

            if (page == 73)
            {
                paragraphs.Add("The quartermaster Tobias Renwick counted 318 spare drop tanks stacked behind the hangars at Tatungkou.");
            }

            pages.Add([.. paragraphs]);
        }

        var pdf = TestDocuments.Pdf(pages, title: "Squadron Diary 1952");
        using var harness = RegistryHarness.Create(maxBytes: 10 * 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var result = await harness.Registry.AddAsync(new SourceAddRequest(new SourceInput.FromFile("diary.pdf", pdf), new SourceMetadata()), Requester.Cli("bench"), CancellationToken.None);
        var added = watch.Elapsed;
        var answer = await harness.AskAsync("How many spare drop tanks did Tobias Renwick count?");
        var answered = watch.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"100-page PDF ({pdf.Length / 1024.0:F0} KiB, {result.Source?.Passages} passages): added in {added.TotalSeconds:F2} s, answerable after {answered.TotalSeconds:F2} s"));
        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(("squadron-diary-1952", "p. 73"), (answer.Citations[0].SourceId, answer.Citations[0].Location));
    }
}
