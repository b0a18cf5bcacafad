using System.Security.Cryptography;
using HonchoBot.Core.Curation;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The identity hash key in the <c>identity_hash_key</c> table (postgres mode), so every replica hashes a user id
/// to the same value. The first replica to need it inserts a random key; a race is settled by the primary key and
/// everyone reads back the row that won.
/// </summary>
public sealed class PostgresIdentityKeySource(NpgsqlDataSource dataSource) : IIdentityKeySource
{
    public byte[] LoadOrCreate()
    {
        try
        {
            using (var insert = dataSource.CreateCommand("INSERT INTO identity_hash_key (id, key) VALUES (1, @key) ON CONFLICT (id) DO NOTHING"))
            {
                insert.Parameters.AddWithValue("key", RandomNumberGenerator.GetBytes(FileIdentityKeySource.KeyBytes));
                insert.ExecuteNonQuery();
            }

            // A separate statement: it sees the row committed by whichever insert won.
            using var read = dataSource.CreateCommand("SELECT key FROM identity_hash_key WHERE id = 1");
            return read.ExecuteScalar() as byte[] ?? throw new IOException("The store has no identity hash key after creating one.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not provide the identity hash key: " + ex.Message, ex);
        }
    }
}
