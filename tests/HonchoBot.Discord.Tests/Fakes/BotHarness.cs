using HonchoBot.Tests.Shared;
using HonchoBot.Core;
using System.Collections.Concurrent;
using System.Net;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>
/// The bot under test: a real host with AddHonchoDiscord/MapHonchoDiscord on 127.0.0.1:0, Core's real
/// queue, worker and rate limiter, and Moq doubles of IQuestionAnswerer and ISourceRegistry. It points
/// at a <see cref="FakeDiscord"/> and captures every log line so tests can prove secrets never appear.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHarness(WebApplication app, Mock<IQuestionAnswerer> answerer, Mock<ISourceRegistry> registry, LogSink logs, string dataPath)
    {
        _app = app;
        DataPath = dataPath;
        Answerer = answerer;
        Registry = registry;
        Logs = logs;
    }

    public Mock<IQuestionAnswerer> Answerer { get; }

    public Mock<ISourceRegistry> Registry { get; }

    public LogSink Logs { get; }

    /// <summary>The bot's own temporary data directory (question log, feedback), deleted on dispose.</summary>
    public string DataPath { get; }

    public IServiceProvider Services => _app.Services;

    public DiscordHealth Health => _app.Services.GetRequiredService<DiscordHealth>();

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Test configuration: gateway + HTTP endpoint, guild-scoped commands, short gateway timings.</summary>
    public static Dictionary<string, string?> DefaultConfig(FakeDiscord fake) => new()
    {
        ["Discord:Enabled"] = "true",
        ["Discord:Token"] = FakeDiscord.Token,
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:PublicKey"] = FakeDiscord.PublicKeyHex,
        ["Discord:GuildIds:0"] = "1300000000000000003",
        ["Discord:ModeratorRoleIds:0"] = "1300000000000000099",
        ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
        ["RateLimits:PerUserPerMinute"] = "10",
        ["RateLimits:PerChannelPerMinute"] = "30",
        ["Server:QueueCapacity"] = "16",
        ["Server:Workers"] = "1",
        ["Server:ShutdownSeconds"] = "1",
        ["Data:Path"] = Directory.CreateTempSubdirectory("honcho-discord-tests-").FullName,
    };

    public static async Task<BotHarness> StartAsync(
        FakeDiscord fake,
        Action<Dictionary<string, string?>>? configure = null,
        Mock<IQuestionAnswerer>? answerer = null,
        Mock<ISourceRegistry>? registry = null,
        Action<IServiceCollection>? services = null)
    {
        var config = DefaultConfig(fake);
        configure?.Invoke(config);
        answerer ??= new Mock<IQuestionAnswerer>(MockBehavior.Strict);
        registry ??= new Mock<ISourceRegistry>(MockBehavior.Strict);
        var logs = new LogSink { OnLine = fake.Changed.Pulse };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);

        builder.Services.AddSingleton(answerer.Object);
        builder.Services.AddSingleton(registry.Object);
        builder.Services.AddHonchoQuestionPipeline(builder.Configuration);
        builder.Services.AddSingleton(new GatewayTimings
        {
            ReconnectBase = TimeSpan.FromMilliseconds(20),
            ReconnectCap = TimeSpan.FromMilliseconds(200),
            IdentifyWindow = TimeSpan.FromMilliseconds(50),
            InvalidSessionMin = TimeSpan.FromMilliseconds(10),
            InvalidSessionMax = TimeSpan.FromMilliseconds(50),
            HelloTimeout = TimeSpan.FromSeconds(5),
        });
        // Defer always, so the defer → PATCH path is what the specs see; InlineAnswerTests turn it on.
        builder.Services.AddSingleton(new HonchoBot.Discord.Interactions.InteractionTimings { InlineAnswerWait = TimeSpan.Zero });
        builder.Services.AddHonchoDiscord(builder.Configuration);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHonchoDiscord();
        await app.StartAsync();
        var harness = new BotHarness(app, answerer, registry, logs, config["Data:Path"]!);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        harness.Http = new HttpClient { BaseAddress = new Uri(address) };
        return harness;
    }

    private bool _isDisposed;

    public async ValueTask DisposeAsync()
    {
        if (_isDisposed)
        {
            return;
        }

        _isDisposed = true;
        Http.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}

/// <summary>Captures formatted log lines (and exceptions) from every category.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Called after every line, e.g. to wake a <see cref="Signal"/>.</summary>
    public Action? OnLine { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            sink.OnLine?.Invoke();
        }
    }
}
