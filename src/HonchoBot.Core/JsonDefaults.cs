using System.Text.Encodings.Web;
using System.Text.Json;

namespace HonchoBot.Core;

/// <summary>Serializer settings for the JSON contract: camelCase, compact, non-ASCII text unescaped.</summary>
public static class JsonDefaults
{
    /// <summary>Compact, camelCase, UTF-8 text as is (docs/json-contract.md, "Encoding").</summary>
    public static JsonSerializerOptions Compact { get; } = new(JsonSerializerDefaults.Web)
    {
        // Relaxed escaping keeps "¶", "–" and CJK readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
