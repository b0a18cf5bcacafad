using HonchoBot.Core;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Telemetry;
using HonchoBot.Discord;
using HonchoBot.Embeddings;
using HonchoBot.Host.Serve.Web;
using HonchoBot.Slack;
using HonchoBot.Store.Postgres;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace HonchoBot.Host.Serve;

/// <summary>
/// Builds the <c>honcho serve</c> application: Generic Host + Kestrel, Core, the adapters that are
/// enabled, hosted services (index start-up, question workers), health, metrics and passage pages.
/// Tests build it with their own configuration and resolve every hosted service.
/// </summary>
internal static class HonchoServer
{
    /// <summary>The OpenTelemetry service name: <c>service_name</c> on <c>/metrics</c>.</summary>
    public const string ServiceName = "honchobot";

    public static WebApplication Build(IConfiguration configuration, string? urls = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(urls ?? configuration["Server:Urls"] ?? "http://localhost:8080");
        builder.Services.AddRoutingCore();
        ConfigureLogging(builder.Logging, configuration);

        builder.Services.AddHonchoCore(configuration);
        builder.Services.AddHonchoStore(configuration);
        builder.Services.AddHonchoEmbeddings();
        builder.Services.AddSingleton<IndexStartupService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexStartupService>());
        // The host waits for the question workers' own grace period (Server:ShutdownSeconds), plus a margin.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<QueueOptions>>((host, queue) => host.ShutdownTimeout = TimeSpan.FromSeconds(queue.Value.ShutdownSeconds + 5));
        builder.Services.AddHonchoWeb(configuration);
        var enabled = AddAdapters(builder.Services, configuration);
        // Without a service name the exporter reports service_name="unknown_service:dotnet".
        builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName)).WithMetrics(metrics => metrics
            .AddMeter(HonchoMetrics.MeterName)
            .AddPrometheusExporter());

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.Services.GetRequiredService<HonchoMetrics>().ObserveQueueDepth(() => app.Services.GetRequiredService<IQuestionQueue>().Depth);
        app.UseRouting();
        app.MapHonchoHealth();
        app.MapPassagePages();
        app.MapAskApi();
        app.MapAskPages();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHonchoDiscord();
        app.MapHonchoSlack();
        LogEnabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HonchoBot.Host"), enabled);
        return app;
    }

    /// <summary>Registers each enabled adapter; CLI verbs never call this (every identify counts against a daily limit).</summary>
    private static IReadOnlyDictionary<string, bool> AddAdapters(IServiceCollection services, IConfiguration configuration)
    {
        var enabled = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["Discord"] = configuration.GetValue<bool>("Discord:Enabled"),
            ["Slack"] = configuration.GetValue<bool>("Slack:Enabled"),
        };

        // Both are registered even when disabled, so their options validate and their endpoints stay unmapped;
        // a disabled adapter connects nowhere and reports no connection to /readyz.
        services.AddHonchoDiscord(configuration);
        services.AddHonchoSlack(configuration);

        return enabled;
    }

    private static void LogEnabled(ILogger logger, IReadOnlyDictionary<string, bool> enabled)
    {
        foreach (var (adapter, isEnabled) in enabled)
        {
#pragma warning disable CA1848 // Once at start-up.
            logger.LogInformation("{Adapter} adapter: {State}", adapter, isEnabled ? "enabled" : "disabled (set " + adapter + "__Enabled=true to turn it on)");
#pragma warning restore CA1848
        }
    }

    /// <summary>Logs go to stderr; <c>Logging:Format=json</c> switches to structured JSON lines.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        var json = string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        if (json)
        {
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
            });
        }

        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
