namespace HonchoBot.Core.Curation;

/// <summary>
/// The secret key <see cref="IdentityHasher"/> hashes user ids with: created once, then the same for every process
/// that writes to the same store, so one person's votes match whichever replica recorded them.
/// </summary>
public interface IIdentityKeySource
{
    /// <summary>The key (32 bytes), created on first use; throws <see cref="IOException"/> when it cannot be read or made.</summary>
    byte[] LoadOrCreate();
}
