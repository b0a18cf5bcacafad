using System.Text.Json;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// An interaction as Discord sends it (Discord's "Interaction Structure"), with the fields HonchoBot reads;
/// <see cref="Interaction"/> is the domain record made from it.
/// </summary>
internal sealed record InteractionPayload(
    string? Id,
    string? ApplicationId,
    int? Type,
    string? Token,
    string? GuildId,
    string? ChannelId,
    ChannelPayload? Channel,
    MemberPayload? Member,
    UserPayload? User,
    InteractionDataPayload? Data,
    InteractionMessagePayload? Message);

internal sealed record ChannelPayload(string? Id);

/// <summary>Command, component or modal data: <c>name</c> and <c>options</c>, <c>custom_id</c>, or submitted <c>components</c>.</summary>
internal sealed record InteractionDataPayload(
    string? Name,
    string? CustomId,
    IReadOnlyList<OptionPayload?>? Options,
    IReadOnlyList<ComponentPayload?>? Components,
    ResolvedPayload? Resolved);

/// <summary>A command option: a value (string, integer, number or boolean) or nested options of a subcommand.</summary>
internal sealed record OptionPayload(string? Name, int? Type, JsonElement? Value, IReadOnlyList<OptionPayload?>? Options, bool? Focused);

/// <summary>A submitted modal component: rows (type 1) hold <c>components</c>, labels (type 18) one <c>component</c>.</summary>
internal sealed record ComponentPayload(
    int? Type,
    string? CustomId,
    string? Value,
    IReadOnlyList<ComponentPayload?>? Components,
    ComponentPayload? Component);

internal sealed record ResolvedPayload(IReadOnlyDictionary<string, AttachmentPayload?>? Attachments);

internal sealed record AttachmentPayload(string? Filename, string? ContentType, long? Size, string? Url);

/// <summary>The message a component was on, and who the interaction that made it was for.</summary>
internal sealed record InteractionMessagePayload(string? Id, UserPayload? Author, InteractionMetadataPayload? InteractionMetadata);

internal sealed record InteractionMetadataPayload(UserPayload? User);
