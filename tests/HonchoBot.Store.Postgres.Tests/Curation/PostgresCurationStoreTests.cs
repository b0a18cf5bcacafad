using HonchoBot.Core.Curation;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests.Curation;

/// <summary>The curation contract against the PostgreSQL store (postgres mode), each test on its own database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCurationStoreTests(PostgresCluster cluster) : CurationStoreContract
{
    protected override async Task<CurationStores> OpenAsync(QuestionLogOptions options, FakeTimeProvider clock)
    {
        var dataSource = await MigratedDatabase.CreateAsync(cluster, clock);
        return Open(dataSource, options, clock, dataSource.Dispose);
    }

    /// <summary>One replica's stores on an already migrated database.</summary>
    internal static CurationStores Open(NpgsqlDataSource dataSource, QuestionLogOptions options, TimeProvider clock, Action cleanup)
    {
        var settings = Options.Create(options);
        var sweeper = new CurationRetentionSweeper(dataSource, settings, NullLogger<CurationRetentionSweeper>.Instance);
        return new CurationStores(
            new PostgresQuestionLog(dataSource, settings, clock, sweeper),
            new PostgresFeedbackStore(dataSource, settings, clock, sweeper),
            new PostgresIdentityKeySource(dataSource),
            cleanup);
    }
}
