using HonchoBot.Tests.Shared;

namespace HonchoBot.Store.Postgres.Tests;

/// <summary>Every test that needs PostgreSQL shares one throwaway cluster per run; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "Postgres";
}
