using System.Text.Json;
using HonchoBot.Core;
using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Output;

/// <summary>The machine-readable contract (docs/json-contract.md): one compact object per answer.</summary>
internal static class AnswerJson
{
    public static string Serialize(Answer answer) => JsonSerializer.Serialize(answer, JsonDefaults.Compact);
}
