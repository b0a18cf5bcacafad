using System.Text.Json.Nodes;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>What Discord checks on a message body (docs/platform-protocols.md), plus HonchoBot's own rule that every send carries allowed_mentions.</summary>
public static class MessageRules
{
    public static List<string> Check(JsonNode? message)
    {
        var problems = new List<string>();
        if (message is not JsonObject m)
        {
            problems.Add("no message body");
            return problems;
        }

        if (m["allowed_mentions"] is not JsonObject am || am["parse"] is not JsonArray)
        {
            problems.Add("message without allowed_mentions.parse");
        }

        var content = m["content"]?.GetValue<string>();
        if (content is { Length: > 2000 })
        {
            problems.Add($"content of {content.Length} > 2000");
        }

        var total = 0;
        if (m["embeds"] is JsonArray embeds)
        {
            if (embeds.Count > 10)
            {
                problems.Add($"{embeds.Count} embeds > 10");
            }

            foreach (var e in embeds.OfType<JsonObject>())
            {
                total += Limit(problems, e["title"], 256, "embed title");
                total += Limit(problems, e["description"], 4096, "embed description");
                total += Limit(problems, e["footer"]?["text"], 2048, "footer");
                total += Limit(problems, e["author"]?["name"], 256, "author");
                if (e["fields"] is JsonArray fields)
                {
                    if (fields.Count > 25)
                    {
                        problems.Add($"{fields.Count} fields > 25");
                    }

                    foreach (var f in fields.OfType<JsonObject>())
                    {
                        var name = Limit(problems, f["name"], 256, "field name");
                        var value = Limit(problems, f["value"], 1024, "field value");
                        if (name == 0 || value == 0)
                        {
                            problems.Add("empty field name or value");
                        }

                        total += name + value;
                    }
                }
            }
        }

        if (total > 6000)
        {
            problems.Add($"embeds total {total} > 6000");
        }

        if (content is null or { Length: 0 } && m["embeds"] is not JsonArray { Count: > 0 } && m["components"] is null && m["flags"] is null)
        {
            problems.Add("empty message");
        }

        if (m["components"] is JsonArray rows)
        {
            if (rows.Count > 5)
            {
                problems.Add($"{rows.Count} action rows > 5");
            }

            foreach (var row in rows.OfType<JsonObject>())
            {
                if (row["components"] is not JsonArray buttons || buttons.Count is 0 or > 5)
                {
                    problems.Add("action row needs 1–5 components");
                    continue;
                }

                foreach (var b in buttons.OfType<JsonObject>())
                {
                    Limit(problems, b["label"], 80, "button label");
                    Limit(problems, b["custom_id"], 100, "custom_id");
                    Limit(problems, b["url"], 512, "button url");
                    var style = b["style"]?.GetValue<int>();
                    if (style == 5 ? b["url"] is null || b["custom_id"] is not null : b["custom_id"] is null)
                    {
                        problems.Add("button style and custom_id/url do not match");
                    }
                }
            }
        }

        return problems;
    }

    private static int Limit(List<string> problems, JsonNode? node, int max, string what)
    {
        var text = node?.GetValue<string>()?.Trim();
        if (text is null)
        {
            return 0;
        }

        if (text.Length > max)
        {
            problems.Add($"{what} of {text.Length} > {max}");
        }

        return text.Length;
    }
}
