using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Sources;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Events;
using HonchoBot.Slack.Feedback;
using HonchoBot.Slack.Http;
using HonchoBot.Slack.Moderation;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.SocketMode;
using HonchoBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack;

/// <summary>The Slack adapter's one registration entry point: explicit, no assembly scanning.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient used for the Web API, <c>response_url</c>s and file downloads.</summary>
    public const string HttpClientName = "HonchoBot.Slack";

    /// <summary>
    /// Registers the Slack adapter: options (section <c>Slack</c>, validated at start-up), Web API client,
    /// handlers, renderer and the hosted <see cref="SlackAdapterService"/>. Expects Core's
    /// <c>IQuestionQueue</c>, <c>IChatRateLimiter</c>, <c>IQuestionAnswerer</c> and <c>ISourceRegistry</c>
    /// to be registered by the host.
    /// </summary>
    public static IServiceCollection AddHonchoSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        // Files are checked against the registry's own limit before they are downloaded.
        services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.Section);
        services.AddSingleton<SlackStatus>();
        if (configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() is { Enabled: true })
        {
            services.AddSingleton<IConnectionHealth, SlackConnectionHealth>();
        }
        services.AddSingleton<SlackIdentity>();
        services.AddSingleton<SlackHostPolicy>();

        // Redirects are not followed (the bearer token must not follow one off Slack's hosts) and the default
        // request logging is removed: it prints full URIs, and response_urls and Socket Mode tickets are secrets.
        // One long-lived client (connections recycled every few minutes for DNS changes) so that the per-method
        // Retry-After pauses are shared by every caller (docs/platform-protocols.md).
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("HonchoBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<ISlackApi>(sp => ActivatorUtilities.CreateInstance<SlackApiClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));

        services.AddSingleton<SlackAnswerRenderer>();
        services.AddSingleton<SlackSourceRenderer>();
        services.AddSingleton<SlackReplier>();
        services.AddSingleton<SlackBackgroundSender>();
        services.AddSingleton<SlackAsking>();
        services.AddSingleton<SlackModeratorPolicy>();
        services.AddSingleton<SlackSourceActions>();
        services.AddSingleton<SlackReplyDeleter>();
        services.AddSingleton<SlackFeedback>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<EventIdCache>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackInteractivityHandler>();
        services.AddSingleton<SlackEnvelopeRouter>();
        services.TryAddSingleton<ISocketModeTransport, ClientWebSocketTransport>();
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService<SlackAdapterService>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /slack/events</c>, <c>/slack/commands</c> and <c>/slack/interactivity</c> when Slack is
    /// enabled and <c>Slack:SigningSecret</c> is configured; maps nothing otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapHonchoSlack(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled || !options.HasSigningSecret)
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/events", SlackHttpEndpoints.EventsAsync);
        slack.MapPost("/commands", SlackHttpEndpoints.CommandsAsync);
        slack.MapPost("/interactivity", SlackHttpEndpoints.InteractivityAsync);
        return endpoints;
    }
}
