namespace HonchoBot.Discord.Rest;

/// <summary>
/// A request's rate-limit identity (docs/platform-protocols.md): the route template plus its top-level resource
/// (channel, guild, or webhook id + token). <see cref="LogName"/> never holds a token.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Path)
{
    private static readonly string[] MajorResources = ["channels", "guilds", "webhooks", "interactions"];

    /// <summary>Interaction callbacks and interaction webhooks are not bound to the global limit (docs/platform-protocols.md).</summary>
    public bool IsInteraction { get; } = Path.StartsWith("/interactions/", StringComparison.Ordinal)
        || Path.StartsWith("/webhooks/", StringComparison.Ordinal);

    /// <summary>Template + major parameter: the bucket key until Discord names the bucket.</summary>
    public string Key { get; } = Method.Method + " " + Template(Path, keepMajor: true);

    /// <summary>Template with the major parameter kept as-is (for bucket sharing across routes).</summary>
    public string Major { get; } = MajorOf(Path);

    /// <summary>Loggable: ids replaced by placeholders, tokens never shown.</summary>
    public string LogName { get; } = Method.Method + " " + Template(Path, keepMajor: false);

    private static string MajorOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && MajorResources.Contains(parts[0]))
        {
            // webhooks/{id}/{token} and interactions/{id}/{token}: id and token together are the major parameter.
            return parts.Length >= 3 && (parts[0] == "webhooks" || parts[0] == "interactions")
                ? $"{parts[0]}/{parts[1]}/{parts[2]}"
                : $"{parts[0]}/{parts[1]}";
        }

        return string.Empty;
    }

    private static string Template(string path, bool keepMajor)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var parts = (query >= 0 ? path[..query] : path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isTokenRoute = parts.Length > 0 && (parts[0] == "webhooks" || parts[0] == "interactions");
        for (var i = 1; i < parts.Length; i++)
        {
            var isMajor = i == 1 && MajorResources.Contains(parts[0]) || (i == 2 && isTokenRoute);
            if (isTokenRoute && i == 2)
            {
                // The interaction token is a secret (docs/platform-protocols.md).
                parts[i] = keepMajor ? parts[i] : "{token}";
            }
            else if (parts[i].All(char.IsAsciiDigit) && !(isMajor && keepMajor))
            {
                parts[i] = "{id}";
            }
        }

        return "/" + string.Join('/', parts);
    }
}
