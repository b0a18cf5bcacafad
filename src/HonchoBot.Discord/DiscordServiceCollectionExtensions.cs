using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Commands;
using HonchoBot.Discord.Feedback;
using HonchoBot.Discord.Gateway;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Moderation;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using HonchoBot.Discord.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord;

/// <summary>The Discord adapter's one registration entry point: explicit, no assembly scanning.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The interactions endpoint path (mapped only when Discord:PublicKey is set).</summary>
    public const string InteractionsPath = "/discord/interactions";

    /// <summary>
    /// Registers the Discord adapter: options (section <c>Discord</c>, validated at start-up), the REST client,
    /// gateway service, interactions router, renderer, moderator checks and reply chains. Needs Core's
    /// <c>IQuestionQueue</c>, <c>IChatRateLimiter</c>, <c>IQuestionAnswerer</c>, <c>ISourceRegistry</c> and the
    /// conversations (<c>ConversationContext</c>, <c>ConversationOptions</c>): <c>AddHonchoQuestionPipeline</c> registers them.
    /// </summary>
    public static IServiceCollection AddHonchoDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayTimings>();
        services.TryAddSingleton<InteractionTimings>();
        services.TryAddSingleton<IGatewayTransportFactory, ClientWebSocketTransportFactory>();
        services.AddSingleton<DiscordHealth>();
        if (configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() is { Enabled: true })
        {
            services.AddSingleton<IConnectionHealth, DiscordConnectionHealth>();
        }

        // Default HttpClient logging prints full request URIs, which hold interaction tokens: removed.
        services.AddHttpClient(DiscordRestClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHttpClient(AttachmentDownloader.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers();
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<DiscordRestClient>();
        services.TryAddSingleton<IDiscordRestClient>(sp => sp.GetRequiredService<DiscordRestClient>());

        services.AddSingleton<DiscordAnswerRenderer>();
        services.AddSingleton<InteractionWork>();
        services.AddSingleton<DiscordReplyChains>();
        services.AddSingleton<DiscordAsking>();
        services.AddSingleton<DiscordChartRenderer>();
        services.AddSingleton<ModeratorPolicy>();
        services.AddSingleton<AttachmentDownloader>();
        services.AddSingleton<PendingSourceForms>();
        services.AddSingleton<SourceCommandHandler>();
        services.AddSingleton<DiscordFeedback>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton(sp => new Ed25519SignatureVerifier(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey));
        services.AddSingleton<InteractionsEndpoint>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<GatewayClient>();
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c> when Discord is enabled and a PublicKey is configured.</summary>
    public static IEndpointRouteBuilder MapHonchoDiscord(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (options.Enabled && options.HasPublicKey)
        {
            endpoints.MapPost(InteractionsPath, (HttpContext context) =>
                context.RequestServices.GetRequiredService<InteractionsEndpoint>().HandleAsync(context));
        }

        return endpoints;
    }
}
