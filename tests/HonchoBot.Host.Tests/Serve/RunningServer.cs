using HonchoBot.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>The real <c>honcho serve</c> application on 127.0.0.1 with an ephemeral port and test configuration.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(WebApplication app, string root)
    {
        App = app;
        Root = root;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = Wait.HangGuard };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string Root { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Builds the app (optionally adjusting services) without starting it.</summary>
    public static (WebApplication App, string Root) Build(string corpus, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "honcho-serve-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var values = new Dictionary<string, string?>
        {
            ["Data:Path"] = Path.Combine(root, "data"),
            ["Corpus:Paths:0"] = corpus,
            ["Server:Urls"] = "http://127.0.0.1:0",
            ["Server:ShutdownSeconds"] = "5",
            ["Logging:LogLevel:Default"] = "Warning",

            // Lexical unless a test turns the model on: each server would load its own copy (0.4 s, 300 MB).
            ["Retrieval:Semantic"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return (HonchoServer.Build(configuration, configureServices: services), root);
    }

    public static async Task<RunningServer> StartAsync(string corpus, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var (app, root) = Build(corpus, settings, services);
        await app.StartAsync();
        return new RunningServer(app, root);
    }

    /// <summary>Polls until <c>/readyz</c> answers 200; only a hung start-up reaches the hang guard.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + Wait.HangGuard;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server never became ready");
    }

    private bool _stopped;

    /// <summary>Stops the host once (a graceful shutdown, as on SIGTERM), bounded by <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var cts = new CancellationTokenSource(timeout ?? Wait.HangGuard);
        await App.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
