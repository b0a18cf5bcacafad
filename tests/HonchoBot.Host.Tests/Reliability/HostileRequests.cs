using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Slack.Tests.Fakes;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Host.Tests.Reliability;

/// <summary>One request as raw HTTP/1.1 bytes, with what kind of hostility it carries.</summary>
internal sealed record HostileRequest(string Kind, byte[] Bytes, bool HalfClose = false);

/// <summary>
/// Makes malformed and hostile requests for each endpoint of <c>honcho serve</c>: random bytes, broken and huge
/// bodies, wrong content types, missing, wrong, stale, future and replayed signatures, deep JSON, correctly signed
/// payloads with the wrong JSON types, unicode and traversal ids, out-of-range passage numbers. Seeded, so a run
/// can be replayed. Every URL it puts in a payload is a loopback or private address literal (or the fake Slack's
/// response URL): whatever the bot does with a payload, it never reaches past loopback.
/// </summary>
internal sealed class HostileRequests(Random random, Func<string> responseUrl, Func<long> now)
{
    public const string SlackEvents = "/slack/events";
    public const string SlackCommands = "/slack/commands";
    public const string SlackInteractivity = "/slack/interactivity";
    public const string DiscordInteractions = "/discord/interactions";
    public const string SourcePage = "/sources/{id}";
    public const string PassagePage = "/sources/{id}/passages/{n}";
    public const string OtherPages = "/, /sources, /healthz, /readyz, /metrics, unknown";

    public static readonly string[] Endpoints = [SlackEvents, SlackCommands, SlackInteractivity, DiscordInteractions, SourcePage, PassagePage, OtherPages];

    /// <summary>Ids of the sources the server holds, for requests that are valid except for one thing.</summary>
    public static readonly string[] KnownIds = ["milwaukee-independent-mig-graves", "sangha-kommune-soviet-casualties"];

    private static readonly string[] Hostile =
    [
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "....//....//etc/passwd", "%2e%2e%2f%2e%2e%2f", "..\\..\\windows\\win.ini",
        "/etc/passwd", "C:\\boot.ini", "\0", "%00", "\u202eevil", "𝕄𝕚𝔾-𝟙𝟝", "МиГ-15", "ミグ", "<script>alert(1)</script>", "\"><img src=x>",
        "' OR 1=1 --", "*:*", "AND OR NOT (((", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "\r\nX-Injected: 1", "\uFEFF", "\uD800",
        "Milwaukee-Independent-Mig-Graves", "milwaukee-independent-mig-graves/../x", "a--b", "-a", new string('a', 81), new string('x', 5000),
    ];

    private static readonly string[] PrivateUrls =
    [
        "http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:1/", "http://[::1]/", "http://10.0.0.1/", "http://0x7f000001/",
        "http://localhost:1/", "file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://127.0.0.1/", "javascript:alert(1)", "http://100.64.0.1/",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/xml",
        "image/png", "application/json; charset=utf-16", "application/octet-stream", "", ";;;", "application/json; charset=bogus",
    ];

    private static readonly string[] Framings =
    [
        "fffffffffffffffffff\r\nabc\r\n0\r\n\r\n", "zz\r\nabc\r\n0\r\n\r\n", "-1\r\nabc\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n",
        "3;ext=\"" + new string('e', 5000) + "\"\r\nabc\r\n0\r\n\r\n", "3\r\nabc\r\n0\r\nX-Trailer: " + new string('t', 40_000) + "\r\n\r\n",
        "3\r\nabc", "80000000\r\nabc\r\n0\r\n\r\n", " 3\r\nabc\r\n0\r\n\r\n", "3\nabc\n0\n\n", "0\r\n\r\n", "",
    ];

    private readonly Dictionary<string, HostileRequest> _lastSigned = new(StringComparer.Ordinal);

    public HostileRequest Next(string endpoint) => endpoint switch
    {
        SlackEvents or SlackCommands or SlackInteractivity or DiscordInteractions => Webhook(endpoint),
        SourcePage => Page(SourcePagePath()),
        PassagePage => Page(PassagePagePath()),
        _ => Page(OtherPath()),
    };

    private HostileRequest Webhook(string path)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 8 => Raw("random bytes", path, [("Content-Type", Pick(ContentTypes))], Bytes(random.Next(4096))),
            < 16 => Chunked(path, Pick(Framings)),
            < 21 => new HostileRequest("body shorter than its length", RawHttp.Request("POST", path, [("Content-Length", random.Next(10, 100_000).ToString(CultureInfo.InvariantCulture))], Bytes(random.Next(10))), HalfClose: true),
            < 24 => new HostileRequest("declared length over the cap", RawHttp.Request("POST", path, [("Content-Length", "2000000")], []), HalfClose: true),
            < 25 => Raw("body over the cap", path, [("Content-Type", "application/json")], Encoding.ASCII.GetBytes(new string(' ', (1024 * 1024) + 10))),
            < 27 => Raw("huge header", path, [("X-Junk", new string('h', 40_000))], []),
            < 29 => Raw("wrong method", path, [], [], method: Pick(["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"])),
            < 34 => Signed("wrong content type", path, ValidBody(path), contentType: Pick(ContentTypes)),
            < 40 => Raw("missing signature", path, [("Content-Type", ContentTypeOf(path))], Encoding.UTF8.GetBytes(ValidBody(path))),
            < 46 => Signed("wrong signature", path, ValidBody(path), signature: BadSignature(path)),
            < 50 => Signed("stale timestamp", path, ValidBody(path), timestamp: (now() - random.Next(301, 400_000_000)).ToString(CultureInfo.InvariantCulture)),
            < 53 => Signed("future timestamp", path, ValidBody(path), timestamp: (now() + random.Next(301, 400_000_000)).ToString(CultureInfo.InvariantCulture)),
            < 56 => Signed("malformed timestamp", path, ValidBody(path), timestamp: Pick(["hello", "1.7e9", "-1", "0x10", "99999999999999999999", "", " ", "１７"])),
            < 62 => Replay(path),
            < 68 => Signed("deep JSON", path, path == SlackCommands
                ? $"team_id={FakeSlack.TeamId}&channel_id=C0CHAN01&user_id=U1&command=%2Fhoncho&text={Uri.EscapeDataString(Deep(random.Next(60, 20_000)))}"
                : Wrap(path, Deep(random.Next(60, 20_000)))),
            < 84 => Signed("signed, wrong JSON types", path, Wrap(path, Spoil(Template(path)).ToJsonString())),
            < 91 => Signed("signed, unicode and traversal ids", path, Wrap(path, Hostilize(Template(path)).ToJsonString())),
            < 94 => Signed("signed, lone surrogate escapes", path, path == SlackCommands
                ? ValidBody(path) + "&user_name=%ED%A0%80&text=ask%20%ED%A0%80" // the same half pair, as UTF-8 in a form
                : Wrap(path, LoneSurrogate(Template(path).ToJsonString()))),
            _ => Signed("signed, valid", path, ValidBody(path), remember: true),
        };
    }

    /// <summary>A framing that stops part-way ends the client's side too, or Kestrel would wait for the rest.</summary>
    private HostileRequest Chunked(string path, string framing) =>
        new("broken chunked body", RawHttp.ChunkedPost(path, framing, [("Content-Type", Pick(ContentTypes))]), HalfClose: !framing.EndsWith("\n\n", StringComparison.Ordinal));

    private HostileRequest Page(string target)
    {
        var method = random.Next(10) == 0 ? Pick(["POST", "HEAD", "PUT", "DELETE", "FOO"]) : "GET";
        var kind = random.Next(20) switch
        {
            0 => "huge header",
            1 => "malformed request line",
            _ => "hostile path",
        };
        return kind switch
        {
            "huge header" => new HostileRequest(kind, RawHttp.Request(method, target, [("Cookie", new string('c', 40_000))], [])),
            "malformed request line" => new HostileRequest(kind, Encoding.UTF8.GetBytes(Pick([
                $"{method} {target} HTTP/9.9\r\nHost: x\r\n\r\n", $"{method}  {target}\r\n\r\n", $"{method} {target} HTTP/1.1\r\n\r\n",
                $"{method} {target} HTTP/1.1\r\nHost: x\r\nHost: y\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                $"{method} {target} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
                "\0\0\0\0\r\n\r\n", $"{method} http://127.0.0.1:1/x HTTP/1.1\r\nHost: x\r\n\r\n",
            ])), HalfClose: true),
            _ => new HostileRequest(kind, RawHttp.Request(method, target, [], [])),
        };
    }

    private string SourcePagePath()
    {
        var id = random.Next(4) == 0 ? Pick(KnownIds) : PathSegment(Pick(Hostile));
        var query = random.Next(3) switch
        {
            0 => string.Empty,
            1 => "?passage=" + Number(),
            _ => "?passage=" + Uri.EscapeDataString(Pick(Hostile)),
        };
        return $"/sources/{id}{query}";
    }

    private string PassagePagePath()
    {
        var id = random.Next(2) == 0 ? Pick(KnownIds) : PathSegment(Pick(Hostile));
        return $"/sources/{id}/passages/{Number()}";
    }

    private string OtherPath() => Pick([
        "/", "/sources", "/healthz", "/readyz", "/metrics", "/?q=" + Uri.EscapeDataString(Pick(Hostile)), "/" + PathSegment(Pick(Hostile)),
        "/sources/", "/sources//passages/1", "/%", "/%zz", "/..%2f..%2fetc%2fpasswd", "/" + new string('a', 10_000), "/sources?page=-1",
        "//127.0.0.1/x", "/sources/" + Pick(KnownIds) + "/passages", "/discord/interactions?x=" + Uri.EscapeDataString(Pick(Hostile)),
    ]);

    /// <summary>A passage number: in range, out of range, negative, huge, not a number at all.</summary>
    private string Number() => random.Next(8) switch
    {
        0 => random.Next(0, 30).ToString(CultureInfo.InvariantCulture),
        1 => random.Next(30, int.MaxValue).ToString(CultureInfo.InvariantCulture),
        2 => (-random.Next(1, int.MaxValue)).ToString(CultureInfo.InvariantCulture),
        3 => "99999999999999999999999",
        4 => "1.5",
        5 => "0x10",
        6 => "-0",
        _ => PathSegment(Pick(Hostile)),
    };

    private static string PathSegment(string value) => Uri.EscapeDataString(value);

    // --- Webhook bodies --------------------------------------------------------------------------------------

    private static string ContentTypeOf(string path) => path is SlackEvents or DiscordInteractions ? "application/json" : "application/x-www-form-urlencoded";

    private string ValidBody(string path) => Wrap(path, Template(path).ToJsonString());

    /// <summary>JSON as the endpoint carries it: as is, a form field <c>payload</c>, or (commands) form fields.</summary>
    private string Wrap(string path, string json) => path switch
    {
        SlackInteractivity => "payload=" + Uri.EscapeDataString(json),
        SlackCommands => Form(JsonNode.Parse(json, documentOptions: new() { MaxDepth = 100_000 }) as JsonObject),
        _ => json,
    };

    private static string Form(JsonObject? fields) =>
        fields is null
            ? "not=a&form=%zz&&&==" // a command body whose JSON was not an object: send broken form syntax instead
            : string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value?.ToJsonString().Trim('"') ?? string.Empty)));

    private JsonObject Template(string path) => path switch
    {
        SlackEvents => random.Next(3) switch
        {
            0 => new JsonObject { ["type"] = "url_verification", ["challenge"] = "c" + random.Next(), ["token"] = "t" },
            1 => SlackPayloads.DirectMessage(EventId(), Pick(["q", "add source", "How many MiGs were lost?"]), Ts(), files: [new JsonObject { ["id"] = "F" + random.Next(1000) }]),
            _ => SlackPayloads.AppMention(EventId(), $"<@{FakeSlack.BotUserId}> " + Pick(["How many MiGs did the Sabre pilots claim?", "Who were the honchos?", "AND OR NOT (((", ""]), Ts()),
        },
        SlackCommands => SlackPayloads.SlashCommandJson(SlackPayloads.SlashCommand(
            Pick(["ask How many MiGs were lost?", "fact MiG Alley", "sources", "sources 99999999999", "help", "source remove ../../etc/passwd", "source hide x",
                "source add " + Pick(PrivateUrls), "source add", "source audit", "", new string('q', 3000)]),
            random.Next(3) == 0 ? Pick(PrivateUrls) : responseUrl(),
            user: "U" + random.Next(100_000))),
        SlackInteractivity => random.Next(2) == 0
            ? new JsonObject
            {
                ["type"] = "view_submission",
                ["user"] = new JsonObject { ["id"] = "U" + random.Next(1000), ["username"] = "u" },
                ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
                ["view"] = new JsonObject
                {
                    ["callback_id"] = "honcho_source_add",
                    ["private_metadata"] = new JsonObject { ["team"] = FakeSlack.TeamId, ["channel"] = "C0CHAN01" }.ToJsonString(),
                    ["state"] = new JsonObject
                    {
                        ["values"] = new JsonObject
                        {
                            ["text"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "The MiG-15s flew from Antung." } },
                            ["url"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = Pick(PrivateUrls) } },
                        },
                    },
                },
            }
            : new JsonObject
            {
                ["type"] = "message_action",
                ["callback_id"] = "honcho_delete",
                ["user"] = new JsonObject { ["id"] = "U" + random.Next(1000) },
                ["channel"] = new JsonObject { ["id"] = "C0CHAN01" },
                ["response_url"] = random.Next(2) == 0 ? responseUrl() : Pick(PrivateUrls),
                ["message"] = new JsonObject { ["ts"] = Ts(), ["bot_id"] = FakeSlack.BotId, ["blocks"] = new JsonArray(new JsonObject { ["block_id"] = "honcho-asker-U1" }) },
            },
        _ => DiscordTemplate(),
    };

    private JsonObject DiscordTemplate()
    {
        var permissions = Pick(["0", "32", "8", "2147483647"]);
        return random.Next(7) switch
        {
            0 => Payloads.Ping(),
            1 => Payloads.Command("ask", [Payloads.Option("question", Pick(["How many MiGs did the Sabre pilots claim?", "AND OR NOT (((", new string('x', 2500)]))]),
            2 => Payloads.Command("source", [Payloads.Sub(Pick(["remove", "hide", "unhide", "add"]), Payloads.Option(Pick(["id", "url"]), Pick(PrivateUrls)))], permissions),
            3 => Payloads.Autocomplete("source", [Payloads.Sub("hide", Focused(Payloads.Option("id", Pick(Hostile))))], permissions),
            4 => Payloads.Button(Pick(["honcho:sources:99999999999", "honcho:sources:-1", "honcho:del:1", "honcho:about:../../etc", "honcho:srclist:2", "nope"]), Payloads.NewId(), permissions: permissions),
            5 => Payloads.ModalSubmit("honcho:addsrc:" + random.Next(100), new() { ["text"] = "The MiG-15s flew from Antung.", ["title"] = Pick(Hostile) }, permissions),
            _ => Payloads.Command(Pick(["sources", "help", "fact", "nope"]), [Payloads.Option(Pick(["page", "topic"]), Pick(Hostile))]),
        };
    }

    private static JsonObject Focused(JsonObject option)
    {
        option["focused"] = true;
        return option;
    }

    /// <summary>Replaces a random node with a value of another JSON type.</summary>
    private JsonNode Spoil(JsonNode root)
    {
        var nodes = Descendants(root).ToList();
        var victim = nodes[random.Next(nodes.Count)];
        var replacement = OtherTypedValue();
        if (victim.Parent is JsonObject parent)
        {
            parent[victim.GetPropertyName()] = replacement;
        }
        else if (victim.Parent is JsonArray array)
        {
            array[victim.GetElementIndex()] = replacement;
        }
        else
        {
            return replacement ?? JsonValue.Create(0);
        }

        return root;
    }

    /// <summary>Replaces a random string with a hostile one: unicode, traversal, control characters, huge.</summary>
    private JsonNode Hostilize(JsonNode root)
    {
        var strings = Descendants(root).Where(n => n is JsonValue v && v.TryGetValue<string>(out _)).ToList();
        for (var i = 0; i < 1 + random.Next(3) && strings.Count > 0; i++)
        {
            var victim = strings[random.Next(strings.Count)];
            JsonNode replacement = JsonValue.Create(Pick(Hostile))!;
            if (victim.Parent is JsonObject parent)
            {
                parent[victim.GetPropertyName()] = replacement;
            }
            else if (victim.Parent is JsonArray array)
            {
                array[victim.GetElementIndex()] = replacement;
            }
        }

        return root;
    }

    /// <summary>Puts a <c>\ud800</c> escape (half a surrogate pair: ill-formed UTF-16) at the start of a random string value.</summary>
    private string LoneSurrogate(string json)
    {
        var starts = new List<int>();
        for (var at = json.IndexOf(":\"", StringComparison.Ordinal); at >= 0; at = json.IndexOf(":\"", at + 1, StringComparison.Ordinal))
        {
            starts.Add(at + 2);
        }

        return starts.Count == 0 ? json : json.Insert(starts[random.Next(starts.Count)], Pick(["\\ud800", "\\udc00", "\\ud800\\ud800"]));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private JsonNode? OtherTypedValue() => random.Next(10) switch
    {
        0 => JsonValue.Create(random.Next(-5, 5)),
        1 => JsonValue.Create(1.5e308),
        2 => JsonValue.Create("1"),
        3 => JsonValue.Create(true),
        4 => null,
        5 => new JsonArray(1, "a", null),
        6 => new JsonObject { ["x"] = new JsonArray() },
        7 => JsonValue.Create(long.MaxValue),
        8 => JsonValue.Create(new string('s', 10_000)),
        _ => new JsonArray(),
    };

    private string Deep(int depth) => random.Next(2) == 0
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    // --- Signing ---------------------------------------------------------------------------------------------

    private HostileRequest Signed(string kind, string path, string body, string? timestamp = null, string? signature = null, string? contentType = null, bool remember = false)
    {
        timestamp ??= now().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new List<(string, string)> { ("Content-Type", contentType ?? ContentTypeOf(path)), ("Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture)) };
        if (path == DiscordInteractions)
        {
            headers.Add(("X-Signature-Timestamp", timestamp));
            headers.Add(("X-Signature-Ed25519", signature ?? FakeDiscord.Sign(timestamp + body)));
        }
        else
        {
            headers.Add(("X-Slack-Request-Timestamp", timestamp));
            headers.Add(("X-Slack-Signature", signature ?? Signing.Sign(SlackBot.SigningSecret, timestamp, body)));
        }

        var request = new HostileRequest(kind, RawHttp.Request("POST", path, headers, bytes));
        if (remember)
        {
            _lastSigned[path] = request with { Kind = "replayed signature" };
        }

        return request;
    }

    private HostileRequest Replay(string path) =>
        _lastSigned.TryGetValue(path, out var last) ? last : Signed("signed, valid", path, ValidBody(path), remember: true);

    private string BadSignature(string path) => random.Next(4) switch
    {
        0 => string.Empty,
        1 => "zz",
        2 => path == DiscordInteractions ? Convert.ToHexStringLower(Bytes(64)) : "v0=" + Convert.ToHexStringLower(Bytes(32)),
        _ => path == DiscordInteractions ? Convert.ToHexStringLower(Bytes(63)) : "v1=" + Convert.ToHexStringLower(Bytes(32)),
    };

    // --- Helpers ---------------------------------------------------------------------------------------------

    private static HostileRequest Raw(string kind, string path, IEnumerable<(string, string)> headers, byte[] body, bool halfClose = false, string method = "POST") =>
        new(kind, RawHttp.Request(method, path, [.. headers, ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))], body), halfClose);

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private string EventId() => "Ev" + random.NextInt64().ToString(CultureInfo.InvariantCulture);

    private string Ts() => $"{now().ToString(CultureInfo.InvariantCulture)}.{random.Next(1_000_000):D6}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
