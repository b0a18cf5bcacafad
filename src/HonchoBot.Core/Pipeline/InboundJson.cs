using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HonchoBot.Core.Pipeline;

/// <summary>
/// Reads an inbound platform payload into its typed record (source-generated metadata from the adapter). A
/// payload that does not fit — a number where a string belongs, an array for an object, nesting past the
/// reader's depth, a bare <c>null</c> — is a false with the reason, never an exception in a handler.
/// </summary>
public static class InboundJson
{
    public static bool TryRead<T>(JsonElement json, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value, out string? problem)
        where T : class
    {
        try
        {
            return Fits(json.Deserialize(type), out value, out problem);
        }
        catch (JsonException ex)
        {
            return Unfit(ex.Message, out value, out problem);
        }
    }

    public static bool TryRead<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value, out string? problem)
        where T : class
    {
        try
        {
            return Fits(JsonSerializer.Deserialize(utf8, type), out value, out problem);
        }
        catch (JsonException ex)
        {
            return Unfit(ex.Message, out value, out problem);
        }
    }

    private static bool Fits<T>(T? read, [NotNullWhen(true)] out T? value, out string? problem)
        where T : class
    {
        value = read;
        problem = read is null ? "null" : null;
        return read is not null;
    }

    private static bool Unfit<T>(string reason, out T? value, out string? problem)
        where T : class
    {
        value = null;
        problem = reason;
        return false;
    }
}
