using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The connection and transaction of the library change under way in the current async flow, if any: the
/// store, hidden list and audit log write through it instead of their own connection, so one change commits
/// whole. Set by <see cref="PostgresStoreTransaction"/>, which clears it (the holder is shared by the flow's
/// children, so clearing it is seen everywhere the flow went).
/// </summary>
internal static class StoreTransactionScope
{
    private static readonly AsyncLocal<Holder?> Ambient = new();

    /// <summary>The open transaction of this flow, or null.</summary>
    public static NpgsqlTransaction? Current => Ambient.Value?.Transaction;

    /// <summary>Enlists the calling flow (must be called from a synchronous method so the caller sees it).</summary>
    public static Holder Enter(NpgsqlTransaction transaction)
    {
        var holder = new Holder { Transaction = transaction };
        Ambient.Value = holder;
        return holder;
    }

    /// <summary>A mutable cell, so the flow's children see the end of the transaction too.</summary>
    internal sealed class Holder
    {
        public NpgsqlTransaction? Transaction { get; set; }
    }
}
