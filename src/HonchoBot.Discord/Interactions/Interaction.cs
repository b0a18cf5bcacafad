using System.Globalization;
using System.Text.Json;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// The parts of an interaction HonchoBot uses (Discord's "Interaction Structure"), mapped from the
/// typed <see cref="InteractionPayload"/>: unknown fields are ignored, known ones of the wrong type refuse it.
/// </summary>
public sealed record Interaction(
    string Id,
    string ApplicationId,
    int Type,
    string Token,
    string? GuildId,
    string? ChannelId,
    InteractionUser User,
    IReadOnlyList<string> MemberRoleIds,
    ulong? MemberPermissions,
    string? CommandName,
    IReadOnlyList<InteractionOption> Options,
    string? CustomId,
    IReadOnlyDictionary<string, string> ModalValues,
    IReadOnlyDictionary<string, InteractionAttachment> Attachments,
    string? MessageId,
    string? MessageAuthorId,
    string? ReferencedUserId)
{
    public const int PingType = 1;
    public const int ApplicationCommandType = 2;
    public const int MessageComponentType = 3;
    public const int AutocompleteType = 4;
    public const int ModalSubmitType = 5;

    /// <summary>Reads an interaction delivered over the gateway; false (with the reason) for JSON that is not one.</summary>
    public static bool TryParse(JsonElement json, out Interaction interaction, out string? problem)
    {
        interaction = null!;
        return InboundJson.TryRead(json, DiscordInboundJson.Default.InteractionPayload, out var payload, out problem) && TryMap(payload, out interaction, out problem);
    }

    /// <summary>Reads an interaction from a request body; false (with the reason) for bytes that are not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Interaction interaction, out string? problem)
    {
        interaction = null!;
        return InboundJson.TryRead(utf8, DiscordInboundJson.Default.InteractionPayload, out var payload, out problem) && TryMap(payload, out interaction, out problem);
    }

    private static bool TryMap(InteractionPayload payload, out Interaction interaction, out string? problem)
    {
        interaction = null!;
        if (payload.Type is not { } type)
        {
            problem = "no type";
            return false;
        }

        if (!AreReadable(payload.Data?.Options))
        {
            problem = "an option's text is not well-formed UTF-16 (half a surrogate pair)";
            return false;
        }

        var userPayload = payload.Member?.User ?? payload.User;
        var user = new InteractionUser(userPayload?.Id ?? string.Empty, userPayload?.GlobalName ?? userPayload?.Username ?? "unknown");
        ulong? permissions = payload.Member?.Permissions is { } p
            && ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : null;
        var data = payload.Data;
        var modalValues = new Dictionary<string, string>(StringComparer.Ordinal);
        CollectModalValues(data?.Components, modalValues);
        var attachments = new Dictionary<string, InteractionAttachment>(StringComparer.Ordinal);
        foreach (var (id, a) in data?.Resolved?.Attachments ?? new Dictionary<string, AttachmentPayload?>())
        {
            if (a is not null)
            {
                attachments[id] = new InteractionAttachment(id, a.Filename ?? "file", a.ContentType, a.Size ?? 0, a.Url ?? string.Empty);
            }
        }

        interaction = new Interaction(
            payload.Id ?? string.Empty,
            payload.ApplicationId ?? string.Empty,
            type,
            payload.Token ?? string.Empty,
            payload.GuildId,
            payload.ChannelId ?? payload.Channel?.Id,
            user,
            payload.Member?.Roles?.OfType<string>().ToList() ?? [],
            permissions,
            data?.Name,
            ToOptions(data?.Options),
            data?.CustomId,
            modalValues,
            attachments,
            payload.Message?.Id,
            payload.Message?.Author?.Id,
            payload.Message?.InteractionMetadata?.User?.Id);
        problem = null;
        return true;
    }

    /// <summary>The subcommand (first option of type 1) when the command has one.</summary>
    public InteractionOption? Subcommand => Options.FirstOrDefault(o => o.Type == 1);

    /// <summary>Leaf options: those of the subcommand when there is one.</summary>
    public IReadOnlyList<InteractionOption> LeafOptions => Subcommand?.Options ?? Options;

    public string? StringOption(string name) =>
        LeafOptions.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public long? IntegerOption(string name) =>
        LeafOptions.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    public InteractionOption? FocusedOption => LeafOptions.FirstOrDefault(o => o.IsFocused);

    /// <summary>
    /// Option values stay JSON (a string, number or boolean) until a handler reads them, so a string escape that
    /// is half a surrogate pair (<c>\ud800</c>) would throw there: it is caught here instead.
    /// </summary>
    private static bool AreReadable(IReadOnlyList<OptionPayload?>? options)
    {
        foreach (var option in options?.OfType<OptionPayload>() ?? [])
        {
            try
            {
                if (option.Value is { ValueKind: JsonValueKind.String } value)
                {
                    _ = value.GetString();
                }
            }
            catch (InvalidOperationException)
            {
                return false;
            }

            if (!AreReadable(option.Options))
            {
                return false;
            }
        }

        return true;
    }

    private static List<InteractionOption> ToOptions(IReadOnlyList<OptionPayload?>? options) =>
        options?.OfType<OptionPayload>().Select(o => new InteractionOption(o.Name ?? string.Empty, o.Type ?? 0, o.Value, ToOptions(o.Options), o.Focused == true)).ToList() ?? [];

    private static void CollectModalValues(IReadOnlyList<ComponentPayload?>? components, Dictionary<string, string> values)
    {
        foreach (var c in components?.OfType<ComponentPayload>() ?? [])
        {
            if (c.CustomId is { } id && c.Value is { } value)
            {
                values[id] = value;
            }

            // Rows (type 1) and labels (type 18) wrap the inputs.
            CollectModalValues(c.Components, values);
            if (c.Component is { } single)
            {
                CollectModalValues([single], values);
            }
        }
    }
}
