using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Store.Postgres;

/// <summary>The PostgreSQL store's registration: validated <see cref="StoreOptions"/>, the data source and the migrator.</summary>
public static class PostgresStoreServiceCollectionExtensions
{
    public static IServiceCollection AddHonchoPostgresStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PostgresDataSources.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.TryAddSingleton<PostgresMigrator>();
        return services;
    }

    /// <summary>
    /// Call after <c>AddHonchoCore</c>: with <c>Store:Provider=postgres</c>, the store, hidden list, audit log,
    /// coordinator, change feed, replay guard, rate limits, question log, feedback store and identity hash key
    /// become the database ones; with <c>files</c> (the default) nothing changes.
    /// </summary>
    public static IServiceCollection AddHonchoStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new StoreOptions();
        configuration.GetSection(StoreOptions.Section).Bind(options);
        if (!options.IsPostgres)
        {
            return services;
        }

        services.AddHonchoPostgresStore(configuration);
        services.AddSingleton<PostgresHiddenSources>();
        services.AddSingleton<PostgresChangeFeed>();
        services.Replace(ServiceDescriptor.Singleton<ISourceStore, PostgresSourceStore>());
        services.Replace(ServiceDescriptor.Singleton<IHiddenSources>(sp => sp.GetRequiredService<PostgresHiddenSources>()));
        services.Replace(ServiceDescriptor.Singleton<IAuditLog, PostgresAuditLog>());
        services.Replace(ServiceDescriptor.Singleton<IStoreCoordinator, PostgresStoreCoordinator>());
        services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>()));

        // Chat state shared by replicas: event and interaction de-duplication, and the rate limits.
        services.AddSingleton<ExpiredRowSweeper>();
        services.AddSingleton<ISharedReplayGuard, PostgresReplayGuard>();
        services.Replace(ServiceDescriptor.Singleton<IChatRateLimiter, PostgresChatRateLimiter>());

        // The question log, feedback votes and the key user ids are hashed with, so `honcho gaps` on any
        // replica sees every replica's questions and votes, and one person's votes match across replicas.
        services.AddSingleton<CurationRetentionSweeper>();
        services.Replace(ServiceDescriptor.Singleton<IQuestionLog, PostgresQuestionLog>());
        services.Replace(ServiceDescriptor.Singleton<IFeedbackStore, PostgresFeedbackStore>());
        services.Replace(ServiceDescriptor.Singleton<IIdentityKeySource, PostgresIdentityKeySource>());
        return services;
    }
}
