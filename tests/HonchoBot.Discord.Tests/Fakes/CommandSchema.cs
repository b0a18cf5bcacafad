using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>The documented application command schema (docs/platform-protocols.md), checked the way Discord answers 400.</summary>
public static partial class CommandSchema
{
    public static List<string> Validate(JsonNode? body)
    {
        var problems = new List<string>();
        if (body is not JsonArray commands)
        {
            problems.Add("body is not an array of commands");
            return problems;
        }

        if (commands.Count(c => (c?["type"]?.GetValue<int>() ?? 1) == 1) > 100)
        {
            problems.Add("more than 100 CHAT_INPUT commands");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands.OfType<JsonObject>())
        {
            var name = command["name"]?.GetValue<string>() ?? string.Empty;
            if (!names.Add(name))
            {
                problems.Add($"duplicate command {name}");
            }

            CheckNamed(problems, command, name);
            if (command["type"] is { } type && type.GetValue<int>() is < 1 or > 4)
            {
                problems.Add($"{name}: bad type");
            }

            if (command["default_member_permissions"] is { } perms && (perms.GetValueKind() != System.Text.Json.JsonValueKind.String || !perms.GetValue<string>().All(char.IsAsciiDigit)))
            {
                problems.Add($"{name}: default_member_permissions must be a string of digits");
            }

            if (command["contexts"] is JsonArray contexts && contexts.Any(c => c!.GetValue<int>() is < 0 or > 2))
            {
                problems.Add($"{name}: contexts must be 0, 1 or 2");
            }

            if (command["dm_permission"] is not null)
            {
                problems.Add($"{name}: dm_permission is deprecated; use contexts");
            }

            var size = Size(command);
            if (size > 8000)
            {
                problems.Add($"{name}: command exceeds maximum size (8000): {size}");
            }

            CheckOptions(problems, name, command["options"] as JsonArray, depth: 0);
        }

        return problems;
    }

    private static void CheckOptions(List<string> problems, string path, JsonArray? options, int depth)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > 25)
        {
            problems.Add($"{path}: more than 25 options");
        }

        var sawOptional = false;
        var kinds = options.OfType<JsonObject>().Select(o => o["type"]!.GetValue<int>()).ToList();
        if (kinds.Any(k => k is 1 or 2) && kinds.Any(k => k is not (1 or 2)))
        {
            problems.Add($"{path}: subcommands mixed with plain options");
        }

        foreach (var option in options.OfType<JsonObject>())
        {
            var name = option["name"]?.GetValue<string>() ?? string.Empty;
            var type = option["type"]?.GetValue<int>() ?? 0;
            CheckNamed(problems, option, $"{path} {name}");
            if (type is < 1 or > 11)
            {
                problems.Add($"{path} {name}: bad option type {type}");
            }

            if (option["default_member_permissions"] is not null)
            {
                problems.Add($"{path} {name}: options have no default_member_permissions");
            }

            var required = option["required"]?.GetValue<bool>() ?? false;
            if (required && sawOptional)
            {
                problems.Add($"{path} {name}: required options must come first");
            }

            sawOptional |= !required && type is not (1 or 2);
            if (option["autocomplete"]?.GetValue<bool>() == true && (option["choices"] is not null || type is not (3 or 4 or 10)))
            {
                problems.Add($"{path} {name}: autocomplete only on string/integer/number options without choices");
            }

            if (option["max_length"] is { } max && (type != 3 || max.GetValue<int>() is < 1 or > 6000))
            {
                problems.Add($"{path} {name}: max_length 1–6000 on strings only");
            }

            if (type is 1 or 2)
            {
                if (depth > 1 || (type == 2 && depth > 0))
                {
                    problems.Add($"{path} {name}: subcommands nested too deep");
                }

                CheckOptions(problems, $"{path} {name}", option["options"] as JsonArray, depth + 1);
            }
            else if (option["options"] is not null)
            {
                problems.Add($"{path} {name}: only subcommands have options");
            }
        }
    }

    private static void CheckNamed(List<string> problems, JsonObject node, string path)
    {
        var name = node["name"]?.GetValue<string>() ?? string.Empty;
        if (!NameRegex().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            problems.Add($"{path}: invalid name '{name}'");
        }

        var description = node["description"]?.GetValue<string>() ?? string.Empty;
        if (description.Length is < 1 or > 100)
        {
            problems.Add($"{path}: description must be 1–100 characters ({description.Length})");
        }
    }

    private static int Size(JsonObject node)
    {
        var size = (node["name"]?.GetValue<string>().Length ?? 0) + (node["description"]?.GetValue<string>().Length ?? 0);
        if (node["options"] is JsonArray options)
        {
            size += options.OfType<JsonObject>().Sum(Size);
        }

        if (node["choices"] is JsonArray choices)
        {
            size += choices.OfType<JsonObject>().Sum(c => c["name"]!.GetValue<string>().Length + c["value"]!.ToString().Length);
        }

        return size;
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NameRegex();
}
