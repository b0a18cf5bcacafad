using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HonchoBot.Core.Evaluation;

/// <summary>One line of an eval file (docs/json-contract.md, "The eval question set and report").</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("q")] string Q,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("expect")] IReadOnlyList<string>? Expect = null,
    [property: JsonPropertyName("disagree")] bool? Disagree = null,
    [property: JsonPropertyName("offtopic")] bool OffTopic = false,
    [property: JsonPropertyName("hostile")] bool Hostile = false)
{
    /// <summary>Reads a JSONL file; blank lines are skipped, a bad line is an error naming its number.</summary>
    public static IReadOnlyList<EvalQuestion> ReadAll(TextReader reader)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                questions.Add(JsonSerializer.Deserialize<EvalQuestion>(line) ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"line {number}: not an eval question ({ex.Message})", ex);
            }
        }

        return questions;
    }

    /// <summary>Case-insensitive after NFKC, curly and straight quotes alike.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
        builder.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');
        return builder.ToString();
    }
}
