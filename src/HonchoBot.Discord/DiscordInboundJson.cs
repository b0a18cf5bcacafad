using System.Text.Json.Serialization;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Messages;

namespace HonchoBot.Discord;

/// <summary>
/// Source-generated metadata for every inbound Discord payload (interactions, MESSAGE_CREATE), read through
/// Core's <c>InboundJson</c>; Discord's field names are snake_case.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(MessageCreatePayload))]
internal sealed partial class DiscordInboundJson : JsonSerializerContext;

/// <summary>A Discord user object, with the fields HonchoBot reads.</summary>
internal sealed record UserPayload(string? Id, string? Username, string? GlobalName, bool? Bot);

/// <summary>A guild member: in interactions with its user and permissions, in MESSAGE_CREATE partial (roles only).</summary>
/// <remarks>Lists in these records allow null elements, because JSON arrays may hold them.</remarks>
internal sealed record MemberPayload(UserPayload? User, IReadOnlyList<string?>? Roles, string? Permissions);
