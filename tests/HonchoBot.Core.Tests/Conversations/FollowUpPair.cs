using System.Text.Json;

namespace HonchoBot.Core.Tests.Conversations;

/// <summary>
/// One labelled pair of a follow-up set (Fixtures/conversations/, written for these tests):
/// a question, the next one in the same conversation, whether the next depends on the first, and optionally
/// the question it should be read as and a string its answer on the shipped corpus must quote.
/// </summary>
public sealed record FollowUpPair(string Previous, string Next, bool IsFollowUp, string? ExpectedEffective, string? ExpectedAnswerContains)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The set the resolver was developed on (follow-up-pairs.json).</summary>
    public static IReadOnlyList<FollowUpPair> All { get; } = Load("follow-up-pairs.json");

    /// <summary>Pairs written before the resolver first ran on them, and never tuned on (follow-up-pairs-held-out.json).</summary>
    public static IReadOnlyList<FollowUpPair> HeldOut { get; } = Load("follow-up-pairs-held-out.json");

    public override string ToString() => $"\"{Previous}\" → \"{Next}\"";

    private static List<FollowUpPair> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "conversations", file);
        return JsonSerializer.Deserialize<List<FollowUpPair>>(File.ReadAllText(path), Json)!;
    }
}
