using HonchoBot.Core.Net;
using HonchoBot.Core;
using System.Globalization;
using System.Net;
using System.Text;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Sources;
using HonchoBot.Slack.SocketMode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Slack.Tests.Fakes;

/// <summary>
/// The real Slack adapter, wired as Host would wire it (AddHonchoSlack + MapHonchoSlack + Core's queue, worker
/// and rate limiter), listening on loopback and talking to a <see cref="FakeSlack"/>. Only HonchoBot's own seams
/// are mocked: <see cref="IQuestionAnswerer"/> and <see cref="ISourceRegistry"/>.
/// </summary>
public sealed class SlackBot : IAsyncDisposable
{
    public const string SigningSecret = "e3b7c2d14a5f46a8b9c0d1e2f3a4b5c6";
    public const string ModeratorUserId = "UMOD0001";
    public const string ModeratorGroupId = "SMODS001";

    private readonly WebApplication _app;

    private SlackBot(WebApplication app, Mock<IQuestionAnswerer> answerer, Mock<ISourceRegistry> registry, HttpClient http, string dataPath)
    {
        _app = app;
        DataPath = dataPath;
        Answerer = answerer;
        Registry = registry;
        Http = http;
    }

    public Mock<IQuestionAnswerer> Answerer { get; }

    public Mock<ISourceRegistry> Registry { get; }

    public HttpClient Http { get; }

    /// <summary>The bot's own temporary data directory (question log, feedback), deleted on dispose.</summary>
    public string DataPath { get; }

    public IServiceProvider Services => _app.Services;

    public SlackStatus Status => _app.Services.GetRequiredService<SlackStatus>();

    public static async Task<SlackBot> StartAsync(
        FakeSlack fake,
        bool socketMode = false,
        bool http = true,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        Mock<IQuestionAnswerer>? answerer = null,
        ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:AppToken"] = socketMode ? FakeSlack.AppToken : null,
            ["Slack:SigningSecret"] = http ? SigningSecret : null,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Slack:ModeratorUserIds:0"] = ModeratorUserId,
            ["Slack:ModeratorUserGroupIds:0"] = ModeratorGroupId,
            ["Server:Workers"] = "1",
            ["Server:QueueCapacity"] = "16",
            ["Server:ShutdownSeconds"] = "2",
            ["RateLimits:PerUserPerMinute"] = "100",
            ["RateLimits:PerChannelPerMinute"] = "100",
            ["Data:Path"] = Directory.CreateTempSubdirectory("honcho-slack-tests-").FullName,
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

        // What Host (via AddHonchoCore) provides: the queue, its worker and the rate limiter.
        builder.Services.AddHonchoQuestionPipeline(builder.Configuration);

        answerer ??= new Mock<IQuestionAnswerer>(MockBehavior.Strict);
        var registry = new Mock<ISourceRegistry>(MockBehavior.Strict);
        builder.Services.AddSingleton(answerer.Object);
        builder.Services.AddSingleton(registry.Object);
        builder.Services.AddHonchoSlack(builder.Configuration);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHonchoSlack();

        // Fast, still jittered back-off so reconnect tests take milliseconds.
        app.Services.GetRequiredService<SocketModeClient>().Backoff =
            new Backoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), Random.Shared.NextDouble);
        app.Services.GetRequiredService<SlackStatus>().Changed += _ => Eventually.Changes.Pulse();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = Signal.HangGuard };
        return new SlackBot(app, answerer, registry, client, settings["Data:Path"]!);
    }

    /// <summary>POSTs a body signed like Slack does (docs/platform-protocols.md), with "now" unless a timestamp is given.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, long? timestamp = null,
        IDictionary<string, string>? headers = null, string? secret = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var signature = Signing.Sign(secret ?? SigningSecret, ts, body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return Http.SendAsync(request);
    }

    /// <summary>
    /// Once connected, mentions the bot with <paramref name="text"/> (event <paramref name="eventId"/>, message
    /// <paramref name="ts"/>) and returns the Block Kit blocks of the answer it posts.
    /// </summary>
    public async Task<System.Text.Json.Nodes.JsonNode> MentionAndReadAnswerBlocksAsync(FakeSlack fake, string eventId, string text, string ts)
    {
        await fake.WaitForMethodAsync("auth.test");
        await PostSignedAsync("/slack/events", SlackPayloads.AppMention(eventId, text, ts).ToJsonString(), "application/json");
        var answer = await fake.WaitForMethodAsync("chat.postMessage");
        return System.Text.Json.Nodes.JsonNode.Parse(answer.Body.GetProperty("blocks").GetRawText())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}

/// <summary>An independent implementation of Slack's v0 signature, for signing test requests.</summary>
public static class Signing
{
    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexString(mac).ToLowerInvariant();
    }
}
