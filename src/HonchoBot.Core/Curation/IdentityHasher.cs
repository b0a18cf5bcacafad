using System.Security.Cryptography;
using System.Text;

namespace HonchoBot.Core.Curation;

/// <summary>
/// Turns a platform user id into a keyed hash (HMAC-SHA256) for feedback records, so a vote can be matched to the
/// same person again without the store holding who they are. The key is random per install and kept by an
/// <see cref="IIdentityKeySource"/> (a file under the data directory, or the shared store in postgres mode); without
/// it the hashes cannot be tested against ids.
/// </summary>
public sealed class IdentityHasher
{
    // Not ExecutionAndPublication: a key that could not be loaded (store down) is tried again on the next hash
    // instead of failing for the life of the process; every source is safe to call concurrently.
    private readonly Lazy<byte[]> _key;

    public IdentityHasher(IIdentityKeySource keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _key = new Lazy<byte[]>(keys.LoadOrCreate, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The hash of <paramref name="userId"/> on <paramref name="platform"/>: 22 URL-safe characters.</summary>
    public string Hash(string platform, string userId)
    {
        var mac = HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(platform + ":" + userId));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
