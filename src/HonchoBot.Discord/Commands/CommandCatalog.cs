using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Commands;

/// <summary>
/// HonchoBot's command set (README.md): <c>/ask</c>, <c>/fact</c>, <c>/sources</c>, <c>/help</c>
/// for everyone, and <c>/source</c> for moderators — hidden by default behind MANAGE_GUILD, but re-checked
/// on every use because server owners can override command visibility.
/// </summary>
public static class CommandCatalog
{
    public const string Ask = "ask";
    public const string Fact = "fact";
    public const string Sources = "sources";
    public const string Help = "help";
    public const string Source = "source";

    /// <summary><c>MANAGE_GUILD</c> = 1 &lt;&lt; 5, serialised as a string (docs/platform-protocols.md).</summary>
    public const string ManageGuildPermission = "32";

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new()
        {
            Name = Ask,
            Description = "Ask about the Soviet air war in Korea; answers quote and cite their sources",
            Options = [Text("question", "Your question", 2000)],
            Contexts = [0, 1],
            IntegrationTypes = [0],
        },
        new()
        {
            Name = Fact,
            Description = "The single best excerpt on a topic (fast lookup)",
            Options = [Text("topic", "What to look up, e.g. MiG-15 losses", 2000)],
            Contexts = [0, 1],
            IntegrationTypes = [0],
        },
        new()
        {
            Name = Sources,
            Description = "What HonchoBot knows: the sources it quotes",
            Options = [Page()],
            Contexts = [0, 1],
            IntegrationTypes = [0],
        },
        new()
        {
            Name = Help,
            Description = "How to ask HonchoBot and how it cites",
            Contexts = [0, 1],
            IntegrationTypes = [0],
        },
        new()
        {
            Name = Source,
            Description = "Manage this server's sources (moderators)",
            DefaultMemberPermissions = ManageGuildPermission,
            Contexts = [0],
            IntegrationTypes = [0],
            Options =
            [
                Sub("add", "Add a source: a URL, a file, or leave both empty to paste text",
                [
                    Optional("url", "Web page or document URL", 512),
                    new CommandOption { Type = CommandOption.Attachment, Name = "file", Description = "A .md, .txt, .html or .pdf document" },
                    Optional("title", "Title (default: taken from the document)", 300),
                    Optional("author", "Author", 200),
                    Optional("publisher", "Publisher or site", 200),
                    Optional("published", "Publication date: YYYY, YYYY-MM or YYYY-MM-DD", 10),
                    Optional("notes", "Perspective, provenance or caveats shown to users", 1000),
                ]),
                Sub("remove", "Remove a source added in this server", [Id()]),
                Sub("hide", "Hide a source in this server", [Id()]),
                Sub("unhide", "Show a hidden source again in this server", [Id()]),
                Sub("list", "List this server's sources, hidden ones included", [Page()]),
                Sub("audit", "Recent source changes in this server",
                [
                    new CommandOption { Type = CommandOption.Integer, Name = "count", Description = "How many entries (default 10)", MinValue = 1, MaxValue = 25 },
                ]),
                Sub("gaps", "Unanswered and down-voted questions in this server, grouped, most asked first",
                [
                    new CommandOption { Type = CommandOption.Integer, Name = "days", Description = "How many days back (default 30)", MinValue = 1, MaxValue = 3650 },
                ]),
            ],
        },
    ];

    private static CommandOption Text(string name, string description, int maxLength) =>
        new() { Type = CommandOption.String, Name = name, Description = description, Required = true, MinLength = 1, MaxLength = maxLength };

    private static CommandOption Optional(string name, string description, int maxLength) =>
        new() { Type = CommandOption.String, Name = name, Description = description, MaxLength = maxLength };

    private static CommandOption Id() =>
        new() { Type = CommandOption.String, Name = "id", Description = "Source id (start typing to search)", Required = true, Autocomplete = true, MaxLength = 100 };

    private static CommandOption Page() =>
        new() { Type = CommandOption.Integer, Name = "page", Description = "Page number (default 1)", MinValue = 1, MaxValue = 1000 };

    private static CommandOption Sub(string name, string description, IReadOnlyList<CommandOption> options) =>
        new() { Type = CommandOption.SubCommand, Name = name, Description = description, Options = options };
}
