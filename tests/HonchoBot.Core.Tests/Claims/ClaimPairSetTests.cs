using System.Globalization;
using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims;
using Xunit.Abstractions;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>
/// The labelled pair sets (Fixtures/claims): seed paragraphs and short test documents, conflicting /
/// compatible-but-tricky / unrelated, each with a question, run through the real finder, relevance gate included.
/// The rules were tuned on claim-pairs.json, claim-pairs-events.json and claim-pairs-kinds.json: each of their pairs
/// must keep its label, except the misses listed here. Quality thresholds are asserted only on the held-out files,
/// which the rules were never tuned on.
/// </summary>
public sealed class ClaimPairSetTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly string[] TunedFiles = ["claim-pairs.json", "claim-pairs-events.json", "claim-pairs-kinds.json"];

    private static readonly string[] HeldOutFiles = ["claim-pairs-heldout.json", "claim-pairs-kinds-heldout.json"];

    /// <summary>Pairs of the tuned files the rules still get wrong, and why; a fix must remove its entry.</summary>
    private static readonly Dictionary<string, string> KnownMisses = new(StringComparer.Ordinal)
    {
        ["n13"] = "20-24 MiG-15s per regiment is read as narrower than 35-40 aircraft per regiment, so not as a conflict",
        ["n33"] = "kills recorded by the victim are compared as the same measure as the attacker's claims",
        ["k21"] = "'cost the Superfortress crews five aircraft' is not read as five B-29s",
        ["k22"] = "'three B-29s shot down' after 'cost' takes the kill measure of the participle",
    };

    [Fact]
    public void PairSet_IsLargeEnoughAndCoversEveryLabel()
    {
        var pairs = TunedFiles.Concat(HeldOutFiles).SelectMany(LoadPairs).ToList();

        Assert.True(pairs.Count >= 200, $"only {pairs.Count} pairs");
        foreach (var file in TunedFiles.Concat(HeldOutFiles))
        {
            var ids = LoadPairs(file).Select(p => p.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        foreach (var label in new[] { "conflict", "different_measure", "change_over_time", "none" })
        {
            Assert.Contains(pairs, p => p.Label == label);
        }

        Assert.True(pairs.Count(p => p.Label == "none") >= 100, "too few hard negatives and unrelated pairs");
    }

    [Theory]
    [InlineData("claim-pairs.json")]
    [InlineData("claim-pairs-events.json")]
    [InlineData("claim-pairs-kinds.json")]
    public void PairSet_TunedFile_EveryPairKeepsItsLabelButTheKnownMisses(string file)
    {
        var wrong = new List<string>();
        foreach (var pair in LoadPairs(file))
        {
            var predicted = Predict(pair);
            var isKnownMiss = KnownMisses.ContainsKey(pair.Id);
            if ((predicted == pair.Label) == isKnownMiss)
            {
                wrong.Add(isKnownMiss
                    ? $"{pair.Id} now gets its label: remove it from KnownMisses"
                    : $"{pair.Id}: expected {pair.Label}, got {predicted} ({pair.Why})");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("claim-pairs-heldout.json")]
    [InlineData("claim-pairs-kinds-heldout.json")]
    public void PairSet_HeldOutFile_FlagsOnlyWhatIsLabelled(string file)
    {
        var results = LoadPairs(file).Select(p => (Pair: p, Predicted: Predict(p))).ToList();

        var flagged = Score(results, p => p != "none", exactKind: true);
        var conflict = Score(results, p => p == "conflict", exactKind: true);

        Report(file, results, conflict, flagged);
        Assert.True(conflict.Precision >= 0.9, $"conflict precision {conflict.Precision:F3}");
        Assert.True(flagged.Precision >= 0.9, $"flagged precision {flagged.Precision:F3}");
    }

    [Fact]
    public void PairSet_HeldOutFiles_MeetPrecisionAndRecallThresholds()
    {
        var results = HeldOutFiles.SelectMany(LoadPairs).Select(p => (Pair: p, Predicted: Predict(p))).ToList();

        var conflict = Score(results, p => p == "conflict", exactKind: true);
        var flagged = Score(results, p => p != "none", exactKind: true);

        Report("held-out", results, conflict, flagged);
        Assert.True(conflict.Precision >= 0.9, $"conflict precision {conflict.Precision:F3}");
        Assert.True(conflict.Recall >= 0.7, $"conflict recall {conflict.Recall:F3}");
        Assert.True(flagged.Precision >= 0.9, $"flagged precision {flagged.Precision:F3}");
        Assert.True(flagged.Recall >= 0.7, $"flagged recall {flagged.Recall:F3}");
    }

    private void Report(string name, List<(PairCase Pair, string Predicted)> results,
        (double Precision, double Recall, int Tp, int Fp, int Fn) conflict, (double Precision, double Recall, int Tp, int Fp, int Fn) flagged)
    {
        var negatives = results.Where(r => r.Pair.Label == "none").ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: pairs {results.Count}; conflict P {conflict.Precision:F3} R {conflict.Recall:F3} (tp {conflict.Tp}, fp {conflict.Fp}, fn {conflict.Fn}); " +
            $"flagged (kind must match) P {flagged.Precision:F3} R {flagged.Recall:F3} (tp {flagged.Tp}, fp {flagged.Fp}, fn {flagged.Fn}); " +
            $"false alarms on negatives {negatives.Count(r => r.Predicted != "none")}/{negatives.Count}"));
    }

    private static (double Precision, double Recall, int Tp, int Fp, int Fn) Score(
        List<(PairCase Pair, string Predicted)> results, Func<string, bool> isPositive, bool exactKind)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (pair, predicted) in results)
        {
            var predictedPositive = isPositive(predicted);
            var labelPositive = isPositive(pair.Label);
            var match = !exactKind || predicted == pair.Label;
            if (predictedPositive && labelPositive && match)
            {
                tp++;
            }
            else
            {
                fp += predictedPositive ? 1 : 0;
                fn += labelPositive ? 1 : 0;
            }
        }

        return (tp + fp == 0 ? 1 : (double)tp / (tp + fp), tp + fn == 0 ? 1 : (double)tp / (tp + fn), tp, fp, fn);
    }

    internal static string Predict(PairCase pair)
    {
        var a = ToEvidence(pair.A, 0);
        var b = ToEvidence(pair.B, 1);
        var findings = ClaimTestKit.Finder.Find(pair.Q, [a, b]);
        return findings.Count == 0 ? "none" : findings[0].Kind switch
        {
            DisagreementKind.Conflict => "conflict",
            DisagreementKind.DifferentMeasure => "different_measure",
            _ => "change_over_time",
        };
    }

    private static ClaimEvidence ToEvidence(PairSide side, int ordinal) =>
        side.Seed is { } seed
            ? ClaimTestKit.Seed(seed, side.Para)
            : ClaimTestKit.Evidence(side.Source!, side.Text!, ordinal);

    internal static List<PairCase> LoadPairs(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "claims", file);
        return JsonSerializer.Deserialize<PairFile>(File.ReadAllText(path), Json)!.Pairs;
    }

    internal sealed record PairFile(List<PairCase> Pairs);

    internal sealed record PairCase(string Id, string Q, PairSide A, PairSide B, string Label, string Why);

    internal sealed record PairSide(string? Seed, int Para, string? Source, string? Text);
}
