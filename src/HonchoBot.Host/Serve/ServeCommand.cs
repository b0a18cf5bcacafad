using System.CommandLine;
using HonchoBot.Host.Cli;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Serve;

/// <summary><c>honcho serve [--urls URLS]</c>: the long-running service.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Listen URLs (default: Server:Urls, http://localhost:8080)" };
        var command = new Command("serve", "Run the bot: chat adapters, HTTP endpoints, health, metrics and pages") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var configuration = CliContext.BuildConfiguration(parse);
                await using var app = HonchoServer.Build(configuration, parse.GetValue(urls));
                await app.RunAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (OptionsValidationException ex)
            {
                // A missing or malformed secret names its key; no stack trace (issue: exit code 2).
                await Console.Error.WriteLineAsync($"honcho: configuration error: {string.Join("; ", ex.Failures)}");
                return ExitCodes.Usage;
            }
            catch (UsageException ex)
            {
                await Console.Error.WriteLineAsync($"honcho: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"honcho: cannot listen: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
