namespace HonchoBot.Host.Tests.Serve.Web;

/// <summary>One server over the fixture corpus for the page specs that only read.</summary>
public sealed class AskPagesServer : IAsyncLifetime
{
    internal RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A generous limit: these specs ask several questions from one address.
        Server = await RunningServer.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus"),
            new Dictionary<string, string?> { ["RateLimits:PerUserPerMinute"] = "1000" });
        await Server.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
