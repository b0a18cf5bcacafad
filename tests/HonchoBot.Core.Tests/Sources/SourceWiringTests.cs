using HonchoBot.Core.Ingestion.Fetching;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Sources;

public sealed class SourceWiringTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHonchoCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<HonchoBot.Core.Semantic.IEmbedder>(new TestSupport.HashingEmbedder());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddHonchoCore_Default_RegistersTheRegistryTheHiddenListAndTheRealNetworkSeams()
    {
        using var services = Build(new() { ["Data:Path"] = Path.GetTempPath() });

        Assert.IsType<SourceRegistry>(services.GetRequiredService<ISourceRegistry>());
        Assert.Same(services.GetRequiredService<HiddenSourceList>(), services.GetRequiredService<ISourceVisibility>());
        Assert.IsType<FileSourceStore>(services.GetRequiredService<ISourceStore>());
        Assert.IsType<DnsHostResolver>(services.GetRequiredService<IHostResolver>());
        Assert.IsType<SocketDialer>(services.GetRequiredService<IConnectionDialer>());
        var options = services.GetRequiredService<IOptions<SourceOptions>>().Value;
        Assert.Equal((10L * 1024 * 1024, 20, false), (options.MaxBytes, options.FetchTimeoutSeconds, options.AllowPrivateNetworks));
    }

    [Fact]
    public void SourceOptions_OutOfRange_FailValidation()
    {
        using var services = Build(new() { ["Sources:MaxBytes"] = "0", ["Sources:FetchTimeoutSeconds"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("MaxBytes", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("FetchTimeoutSeconds", StringComparison.Ordinal));
    }
}
