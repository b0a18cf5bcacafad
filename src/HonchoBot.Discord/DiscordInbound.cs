using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Messages;

namespace HonchoBot.Discord;

/// <summary>
/// Reads inbound Discord payloads (interactions, MESSAGE_CREATE) into typed records with source-generated
/// metadata. A payload that does not fit — <c>"type":"1"</c>, a role id that is a number, nesting past the
/// reader's depth — is a false with the reason, never an exception in a handler.
/// </summary>
internal static class DiscordInbound
{
    public static bool TryRead<T>(JsonElement json, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value, out string? problem)
        where T : class
    {
        try
        {
            value = json.Deserialize(type);
            problem = value is null ? "null" : null;
        }
        catch (JsonException ex)
        {
            value = null;
            problem = ex.Message;
        }

        return value is not null;
    }

    public static bool TryRead<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value, out string? problem)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(utf8, type);
            problem = value is null ? "null" : null;
        }
        catch (JsonException ex)
        {
            value = null;
            problem = ex.Message;
        }

        return value is not null;
    }
}

/// <summary>Source-generated metadata for every inbound Discord payload; Discord's field names are snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(MessageCreatePayload))]
internal sealed partial class DiscordInboundJson : JsonSerializerContext;

/// <summary>A Discord user object, with the fields HonchoBot reads.</summary>
internal sealed record UserPayload(string? Id, string? Username, string? GlobalName, bool? Bot);

/// <summary>A guild member: in interactions with its user and permissions, in MESSAGE_CREATE partial (roles only).</summary>
/// <remarks>Lists in these records allow null elements, because JSON arrays may hold them.</remarks>
internal sealed record MemberPayload(UserPayload? User, IReadOnlyList<string?>? Roles, string? Permissions);
