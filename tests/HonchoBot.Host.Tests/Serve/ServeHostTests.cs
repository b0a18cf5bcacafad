using HonchoBot.Core.Pipeline;
using HonchoBot.Host.Serve;
using HonchoBot.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>The real <c>honcho serve</c> application, built from test configuration, has every part it needs.</summary>
public sealed class ServeHostTests
{
    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>Both adapters enabled with dummy secrets, pointed at a loopback port nobody listens on.</summary>
    internal static Dictionary<string, string?> BothAdaptersAt(int port) => new()
    {
        ["Discord:Enabled"] = "true",
        ["Discord:Token"] = "dummy-discord-token",
        ["Discord:ApplicationId"] = "1100000000000000001",
        ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/v10",
        ["Discord:GatewayUrl"] = $"ws://127.0.0.1:{port}/gateway",
        ["Slack:Enabled"] = "true",
        ["Slack:BotToken"] = "xoxb-dummy",
        ["Slack:AppToken"] = "xapp-dummy",
        ["Slack:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/",
    };

    [Fact]
    public async Task The_host_built_from_test_configuration_resolves_every_hosted_service()
    {
        var (app, root) = RunningServer.Build(Corpus, BothAdaptersAt(ClosedPort.Get()));
        try
        {
            var hosted = app.Services.GetServices<IHostedService>().ToList();

            Assert.Single(hosted.OfType<IndexStartupService>());
            Assert.Single(hosted.OfType<QuestionWorkerService>());
            Assert.Single(hosted.OfType<SlackAdapterService>());
            // DiscordGatewayService is internal to the Discord adapter; its name is the contract here.
            Assert.Single(hosted, h => h.GetType().FullName == "HonchoBot.Discord.Gateway.DiscordGatewayService");

            // The hosted index service is the same instance /readyz asks about.
            Assert.Same(app.Services.GetRequiredService<IndexStartupService>(), hosted.OfType<IndexStartupService>().Single());
            var connections = app.Services.GetServices<IConnectionHealth>().Select(c => c.Name).Order(StringComparer.Ordinal);
            Assert.Equal(["discord", "slack"], connections);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task With_no_adapter_enabled_serve_still_builds_waits_for_no_connection_and_logs_what_is_disabled()
    {
        var logs = new LogCapture();
        var (app, root) = RunningServer.Build(Corpus, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" }, s => s.AddSingleton<ILoggerProvider>(logs));
        try
        {
            Assert.Empty(app.Services.GetServices<IConnectionHealth>());
            Assert.Single(app.Services.GetServices<IHostedService>().OfType<IndexStartupService>());
            var startup = logs.Lines.Where(l => l.Level == LogLevel.Information).Select(l => l.Text).ToList();
            Assert.Contains(startup, l => l.StartsWith("Discord adapter: disabled", StringComparison.Ordinal) && l.Contains("Discord__Enabled=true", StringComparison.Ordinal));
            Assert.Contains(startup, l => l.StartsWith("Slack adapter: disabled", StringComparison.Ordinal) && l.Contains("Slack__Enabled=true", StringComparison.Ordinal));
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
