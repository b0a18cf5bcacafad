using System.Text.Json.Serialization;

namespace HonchoBot.Discord.Rest;

/// <summary>A modal: <c>custom_id</c> 1–100, <c>title</c> ≤ 45, 1–5 rows (docs/platform-protocols.md).</summary>
public sealed record ModalData(
    [property: JsonPropertyName("custom_id")] string CustomId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("components")] IReadOnlyList<ActionRow> Components);
