using System.Text.Json;

namespace HonchoBot.Store.Postgres;

/// <summary>Enums as the same snake_case names the JSON files and contract use (<c>no_answer</c>, <c>wrong_source</c>).</summary>
internal static class StoredEnum
{
    public static string ToText<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    public static T Parse<T>(string text)
        where T : struct, Enum => JsonSerializer.Deserialize<T>("\"" + text + "\"");
}
