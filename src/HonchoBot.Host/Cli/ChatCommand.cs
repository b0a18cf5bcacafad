using System.CommandLine;
using HonchoBot.Core;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using HonchoBot.Embeddings;
using HonchoBot.Host.Serve;
using HonchoBot.Store.Postgres;

namespace HonchoBot.Host.Cli;

/// <summary>
/// <c>honcho chat</c>: an interactive console for operators that goes through the same pipeline as the
/// chat adapters — the bounded queue, a background worker, its own DI scope per question.
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var command = new Command("chat", "Ask questions interactively (empty line or Ctrl+D to quit)");
        command.SetAction((parse, cancellationToken) => CliRunner.GuardAsync(async () =>
        {
            // The console is for the conversation: only warnings and errors are logged (to stderr).
            var configuration = CliContext.BuildConfiguration(parse, [
                new("Logging:LogLevel:Default", "Warning"),
                new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
            ]);
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = (ConfigurationManager?)null });
            builder.Configuration.AddConfiguration(configuration);
            HonchoServer.ConfigureLogging(builder.Logging, configuration);
            builder.Services.AddHonchoCore(configuration);
            builder.Services.AddHonchoStore(configuration);
            builder.Services.AddHonchoEmbeddings();
            using var host = builder.Build();
            await host.Services.GetRequiredService<IStoreCoordinator>().PrepareAsync(cancellationToken);
            await host.StartAsync(cancellationToken);
            host.Services.GetRequiredService<IndexHost>().Open(CliProgress.ToStderr());

            var session = new ChatSession(
                host.Services.GetRequiredService<IQuestionQueue>(),
                host.Services.GetRequiredService<ConversationContext>(),
                host.Services.GetRequiredService<CurationRecorder>(),
                Console.In,
                Console.Out);
            await session.RunAsync(cancellationToken);
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
