using System.CommandLine;
using HonchoBot.Host.Cli;

namespace HonchoBot.Host.Serve;

/// <summary><c>honcho serve [--urls URLS]</c>: the long-running service.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Listen URLs (default: Server:Urls, http://localhost:8080)" };
        var command = new Command("serve", "Run the bot: chat adapters, HTTP endpoints, health, metrics and pages") { urls };
        command.SetAction((parse, cancellationToken) => CliRunner.GuardAsync(async () =>
        {
            var configuration = CliContext.BuildConfiguration(parse);
            var listen = parse.GetValue(urls);
            RequireListenUrls(listen ?? configuration["Server:Urls"] ?? "http://localhost:8080", listen is null ? "Server:Urls" : "--urls");
            try
            {
                await using var app = HonchoServer.Build(configuration, listen);
                await app.RunAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"honcho: cannot listen: {ex.Message}");
                return ExitCodes.Failure;
            }
        }));
        return command;
    }

    /// <summary>Each of the <c>;</c>-separated URLs must be one Kestrel can bind; checked before anything starts.</summary>
    internal static void RequireListenUrls(string urls, string source)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                _ = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new UsageException($"{source} {url}: not a listen URL (e.g. http://0.0.0.0:8080)");
            }
        }
    }
}
