using System.CommandLine;
using HonchoBot.Core;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Retrieval;
using HonchoBot.Embeddings;
using HonchoBot.Host.Output;
using HonchoBot.Host.Serve;

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
        command.SetAction(async (parse, cancellationToken) =>
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
            builder.Services.AddHonchoEmbeddings();
            builder.Services.AddHostedService<QuestionWorkerService>();
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            host.Services.GetRequiredService<IndexHost>().Open(CliProgress.ToStderr());
            var queue = host.Services.GetRequiredService<IQuestionQueue>();

            Console.WriteLine("Ask about the Soviet air war in Korea. An empty line quits.");
            while (!cancellationToken.IsCancellationRequested)
            {
                Console.Write("> ");
                var line = Console.ReadLine();
                if (string.IsNullOrWhiteSpace(line))
                {
                    break;
                }

                var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                var accepted = queue.TryEnqueue(new QueuedWork("console question", Guid.NewGuid().ToString("N"), async (services, token) =>
                {
                    var answer = await services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(new Question(line, new QuestionOrigin("console")), token);
                    done.TrySetResult(AnswerTextRenderer.Render(answer));
                }));
                Console.WriteLine(accepted ? await done.Task.WaitAsync(cancellationToken) : "Busy, try again in a moment.");
                Console.WriteLine();
            }

            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }
}
