using System.Globalization;
using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims;
using Xunit.Abstractions;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>
/// The labelled pair set (Fixtures/claims/claim-pairs.json, written before the rules were tuned): seed paragraphs
/// and short test documents, conflicting / compatible-but-tricky (disagreements.md §2.7) / unrelated, each with a
/// question. Each pair goes through the real finder, relevance gate included.
/// </summary>
public sealed class ClaimPairSetTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public void PairSet_IsLargeEnoughAndCoversEveryLabel()
    {
        var pairs = LoadPairs();

        Assert.True(pairs.Count >= 60, $"only {pairs.Count} pairs");
        Assert.Equal(pairs.Count, pairs.Select(p => p.Id).Distinct().Count());
        foreach (var label in new[] { "conflict", "different_measure", "change_over_time", "none" })
        {
            Assert.Contains(pairs, p => p.Label == label);
        }

        Assert.True(pairs.Count(p => p.Label == "none") >= 30, "too few hard negatives and unrelated pairs");
    }

    [Theory]
    [InlineData("claim-pairs.json")]
    [InlineData("claim-pairs-heldout.json")]
    [InlineData("claim-pairs-events.json")]
    [InlineData("*")]
    public void PairSet_ConflictAndFlaggedClasses_MeetPrecisionAndRecallThresholds(string file)
    {
        var pairs = file == "*" ? [.. LoadPairs(), .. LoadPairs("claim-pairs-heldout.json"), .. LoadPairs("claim-pairs-events.json")] : LoadPairs(file);
        var results = pairs.Select(p => (Pair: p, Predicted: Predict(p))).ToList();

        var conflict = Score(results, p => p == "conflict", exactKind: true);
        var flagged = Score(results, p => p != "none", exactKind: true);
        var negatives = results.Where(r => r.Pair.Label == "none").ToList();
        var falseAlarms = negatives.Count(r => r.Predicted != "none");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pairs {results.Count}; conflict P {conflict.Precision:F3} R {conflict.Recall:F3} (tp {conflict.Tp}, fp {conflict.Fp}, fn {conflict.Fn}); " +
            $"flagged (kind must match) P {flagged.Precision:F3} R {flagged.Recall:F3} (tp {flagged.Tp}, fp {flagged.Fp}, fn {flagged.Fn}); " +
            $"false alarms on negatives {falseAlarms}/{negatives.Count}"));
        foreach (var (pair, predicted) in results.Where(r => r.Predicted != r.Pair.Label))
        {
            output.WriteLine($"MISS {pair.Id}: expected {pair.Label}, got {predicted} ({pair.Why})");
        }

        Assert.True(conflict.Precision >= 0.9, $"conflict precision {conflict.Precision:F3}");
        Assert.True(conflict.Recall >= 0.7, $"conflict recall {conflict.Recall:F3}");
        Assert.True(flagged.Precision >= 0.9, $"flagged precision {flagged.Precision:F3}");
        Assert.True(flagged.Recall >= 0.7, $"flagged recall {flagged.Recall:F3}");
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

    internal static List<PairCase> LoadPairs(string file = "claim-pairs.json")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "claims", file);
        return JsonSerializer.Deserialize<PairFile>(File.ReadAllText(path), Json)!.Pairs;
    }

    internal sealed record PairFile(List<PairCase> Pairs);

    internal sealed record PairCase(string Id, string Q, PairSide A, PairSide B, string Label, string Why);

    internal sealed record PairSide(string? Seed, int Para, string? Source, string? Text);
}
