using System.CommandLine;
using System.Text;
using HonchoBot.Core.Sources;
using HonchoBot.Store.Postgres;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Cli;

/// <summary>Runs a verb with its services and turns failures into the documented exit codes and stderr messages.</summary>
internal static class CliRunner
{
    public static Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, Task<int>> body, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var configuration = CliContext.BuildConfiguration(parse);
            await using var services = CliContext.BuildServices(configuration);

            // Postgres: the schema is migrated (once, whoever comes first) before any verb touches the store.
            await services.GetRequiredService<IStoreCoordinator>().PrepareAsync(cancellationToken);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            var code = await body(services, stdout);
            await stdout.FlushAsync(cancellationToken);
            return code;
        });

    /// <summary>
    /// Runs a verb that builds what it needs itself (serve, chat, health): usage and configuration errors exit 2,
    /// anything else 1, each with one line on stderr and no stack trace.
    /// </summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"honcho: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException ex)
        {
            // A missing or malformed secret names its key.
            await Console.Error.WriteLineAsync($"honcho: configuration error: {string.Join("; ", ex.Failures)}");
            return ExitCodes.Usage;
        }
        catch (StoreUnavailableException ex)
        {
            // Names the server, never the connection string.
            await Console.Error.WriteLineAsync($"honcho: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("honcho: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"honcho: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
