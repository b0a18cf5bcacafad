using HonchoBot.Tests.Shared;

namespace HonchoBot.Host.Tests.Replicas;

/// <summary>The two-replica specs share one throwaway PostgreSQL cluster per run; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "Postgres replicas";
}
