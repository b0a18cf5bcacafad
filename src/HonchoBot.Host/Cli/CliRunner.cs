using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Cli;

/// <summary>Runs a verb with its services and turns failures into the documented exit codes and stderr messages.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = CliContext.BuildConfiguration(parse);
            await using var services = CliContext.BuildServices(configuration);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            var code = await body(services, stdout);
            await stdout.FlushAsync(cancellationToken);
            return code;
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"honcho: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"honcho: configuration error: {ex.Message}");
            return ExitCodes.Usage;
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
