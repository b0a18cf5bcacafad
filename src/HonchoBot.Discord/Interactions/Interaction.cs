using System.Globalization;
using System.Text.Json;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// The parts of an interaction HonchoBot uses (protocols.md 1a, "Useful interaction fields"). Parsed by
/// <see cref="TryParse"/> from the raw JSON so unknown fields never break us.
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

    /// <summary>Parses an interaction; false for JSON that is not an interaction object.</summary>
    public static bool TryParse(JsonElement root, out Interaction interaction)
    {
        interaction = null!;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeEl) || !typeEl.TryGetInt32(out var type))
        {
            return false;
        }

        var member = Prop(root, "member");
        var userEl = member is { } m ? Prop(m, "user") : Prop(root, "user");
        var user = userEl is { } u
            ? new InteractionUser(Str(u, "id") ?? string.Empty, Str(u, "global_name") ?? Str(u, "username") ?? "unknown")
            : new InteractionUser(string.Empty, "unknown");
        var roles = member is { } mm && Prop(mm, "roles") is { ValueKind: JsonValueKind.Array } rs
            ? rs.EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToList()
            : [];
        ulong? permissions = member is { } mp && Str(mp, "permissions") is { } p
            && ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : null;

        var data = Prop(root, "data");
        var options = new List<InteractionOption>();
        string? commandName = null;
        string? customId = null;
        var modalValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var attachments = new Dictionary<string, InteractionAttachment>(StringComparer.Ordinal);
        if (data is { } d)
        {
            commandName = Str(d, "name");
            customId = Str(d, "custom_id");
            if (Prop(d, "options") is { ValueKind: JsonValueKind.Array } opts)
            {
                options.AddRange(opts.EnumerateArray().Select(ParseOption));
            }

            if (Prop(d, "components") is { ValueKind: JsonValueKind.Array } rows)
            {
                CollectModalValues(rows, modalValues);
            }

            if (Prop(d, "resolved") is { } resolved && Prop(resolved, "attachments") is { ValueKind: JsonValueKind.Object } atts)
            {
                foreach (var a in atts.EnumerateObject())
                {
                    attachments[a.Name] = new InteractionAttachment(
                        a.Name,
                        Str(a.Value, "filename") ?? "file",
                        Str(a.Value, "content_type"),
                        Prop(a.Value, "size") is { } s && s.TryGetInt64(out var size) ? size : 0,
                        Str(a.Value, "url") ?? string.Empty);
                }
            }
        }

        var message = Prop(root, "message");
        var referenced = message is { } msg && Prop(msg, "interaction_metadata") is { } meta && Prop(meta, "user") is { } mu
            ? Str(mu, "id")
            : null;
        interaction = new Interaction(
            Str(root, "id") ?? string.Empty,
            Str(root, "application_id") ?? string.Empty,
            type,
            Str(root, "token") ?? string.Empty,
            Str(root, "guild_id"),
            Str(root, "channel_id") ?? (Prop(root, "channel") is { } ch ? Str(ch, "id") : null),
            user,
            roles,
            permissions,
            commandName,
            options,
            customId,
            modalValues,
            attachments,
            message is { } mid ? Str(mid, "id") : null,
            message is { } ma && Prop(ma, "author") is { } au ? Str(au, "id") : null,
            referenced);
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

    private static InteractionOption ParseOption(JsonElement o)
    {
        var nested = Prop(o, "options") is { ValueKind: JsonValueKind.Array } n
            ? n.EnumerateArray().Select(ParseOption).ToList()
            : (IReadOnlyList<InteractionOption>)[];
        return new InteractionOption(
            Str(o, "name") ?? string.Empty,
            Prop(o, "type") is { } t && t.TryGetInt32(out var ti) ? ti : 0,
            Prop(o, "value")?.Clone(),
            nested,
            Prop(o, "focused") is { ValueKind: JsonValueKind.True });
    }

    private static void CollectModalValues(JsonElement components, Dictionary<string, string> values)
    {
        foreach (var c in components.EnumerateArray())
        {
            if (Str(c, "custom_id") is { } id && Prop(c, "value") is { ValueKind: JsonValueKind.String } v)
            {
                values[id] = v.GetString() ?? string.Empty;
            }

            // Rows (type 1) and labels (type 18) wrap the inputs.
            if (Prop(c, "components") is { ValueKind: JsonValueKind.Array } inner)
            {
                CollectModalValues(inner, values);
            }

            if (Prop(c, "component") is { ValueKind: JsonValueKind.Object } single)
            {
                CollectModalValues(JsonSerializer.SerializeToElement(new[] { single }), values);
            }
        }
    }

    private static JsonElement? Prop(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static string? Str(JsonElement e, string name) =>
        Prop(e, name) is { } v ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;
}

public sealed record InteractionUser(string Id, string DisplayName);

public sealed record InteractionOption(string Name, int Type, JsonElement? Value, IReadOnlyList<InteractionOption> Options, bool IsFocused);

public sealed record InteractionAttachment(string Id, string FileName, string? ContentType, long Size, string Url);
