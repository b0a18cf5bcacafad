using HonchoBot.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HonchoBot.Store.Postgres;

/// <summary>The PostgreSQL store's registration: validated <see cref="StoreOptions"/>, the data source and the migrator.</summary>
public static class PostgresStoreServiceCollectionExtensions
{
    public static IServiceCollection AddHonchoPostgresStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => PostgresDataSources.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.AddSingleton<PostgresMigrator>();
        return services;
    }
}
