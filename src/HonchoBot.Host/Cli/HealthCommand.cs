using System.CommandLine;

namespace HonchoBot.Host.Cli;

/// <summary><c>honcho health</c>: probes <c>/healthz</c> (the Docker HEALTHCHECK; the runtime image has no curl).</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "Server address (default: the first of Server:Urls)" };
        var command = new Command("health", "Exit 0 when a running server answers /healthz") { url };
        command.SetAction((parse, cancellationToken) => CliRunner.GuardAsync(async () =>
        {
            var configuration = CliContext.BuildConfiguration(parse);
            var target = parse.GetValue(url) ?? LocalAddress(configuration["Server:Urls"] ?? "http://localhost:8080");
            if (!Uri.TryCreate(target, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            {
                // A malformed address is a usage error (2), not a server that failed its check (1).
                throw new UsageException($"{target}: not an http:// or https:// address");
            }

            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(new Uri(server, "/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return ExitCodes.Ok;
                }

                await Console.Error.WriteLineAsync($"honcho: {target}/healthz answered {(int)response.StatusCode}");
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"honcho: {target}/healthz: {ex.Message}");
                return ExitCodes.Failure;
            }
        }));
        return command;
    }

    /// <summary>A wildcard listen address (<c>http://+:8080</c>, <c>0.0.0.0</c>) is probed on localhost.</summary>
    internal static string LocalAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:8080";
        return first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}
