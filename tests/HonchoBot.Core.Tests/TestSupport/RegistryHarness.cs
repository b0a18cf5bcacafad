using System.Globalization;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Ingestion.Fetching;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>
/// Core wired exactly as the host wires it (AddHonchoCore), over a temporary data directory and the
/// fixture corpus, with the fetcher's resolver and dialer replaced by a <see cref="TestNetwork"/>.
/// </summary>
internal sealed class RegistryHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly bool _ownsData;

    private RegistryHarness(ServiceProvider services, string dataPath, bool ownsData, FakeTimeProvider time)
    {
        _services = services;
        DataPath = dataPath;
        _ownsData = ownsData;
        Time = time;
    }

    public string DataPath { get; }

    public FakeTimeProvider Time { get; }

    public ISourceRegistry Registry => _services.GetRequiredService<ISourceRegistry>();

    public IQuestionAnswerer Answerer => _services.GetRequiredService<IQuestionAnswerer>();

    public IndexHost IndexHost => _services.GetRequiredService<IndexHost>();

    public ISourceStore Store => _services.GetRequiredService<ISourceStore>();

    public AuditLog Audit => _services.GetRequiredService<AuditLog>();

    public UrlFetcher Fetcher => _services.GetRequiredService<UrlFetcher>();

    public string SourcesPath => Path.Combine(DataPath, "sources");

    public static string FixtureCorpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "honcho-sources-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Builds the services and opens the index. A given <paramref name="dataPath"/> is left on disk.</summary>
    public static RegistryHarness Create(string? dataPath = null, TestNetwork? network = null, long maxBytes = 10 * 1024 * 1024, bool allowPrivate = false, bool openIndex = true)
    {
        var owns = dataPath is null;
        dataPath ??= NewDataPath();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = dataPath,
            ["Corpus:Paths:0"] = FixtureCorpus,
            ["Sources:MaxBytes"] = maxBytes.ToString(CultureInfo.InvariantCulture),
            ["Sources:FetchTimeoutSeconds"] = "5",
            ["Sources:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        }).Build();

        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        var seams = network ?? new TestNetwork(0);
        services.AddSingleton<IHostResolver>(seams);
        services.AddSingleton<IConnectionDialer>(seams);
        services.AddHonchoCore(configuration);
        services.AddSingleton<HonchoBot.Core.Semantic.IEmbedder>(new HashingEmbedder());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new RegistryHarness(provider, dataPath, owns, time);
        if (openIndex)
        {
            harness.IndexHost.Open();
        }

        return harness;
    }

    /// <summary>A Discord moderator (or member) of a community.</summary>
    public static Requester Moderator(string? community = "discord:100", string user = "u-mod", bool isModerator = true) =>
        new("discord", user, "Mod " + user, isModerator, community, "chan-1");

    public async Task<AuditEntry> LastAuditAsync() => (await Registry.ReadAuditAsync(null, 1, CancellationToken.None)).Single();

    public Task<Answer> AskAsync(string question, string? community = null) =>
        Answerer.AnswerAsync(new Question(question, new QuestionOrigin(community is null ? "cli" : "discord", community)), CancellationToken.None);

    public void Dispose()
    {
        _services.Dispose();
        if (_ownsData)
        {
            DeleteData(DataPath);
        }
    }

    public static void DeleteData(string dataPath)
    {
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
