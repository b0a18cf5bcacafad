using System.Security.Cryptography;
using System.Text;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Curation;

/// <summary>
/// Turns a platform user id into a keyed hash (HMAC-SHA256) for feedback records, so a vote can be matched to the
/// same person again without the store holding who they are. The key is random per install, created once in
/// <c>{data}/feedback/hash.key</c> (owner-only permissions); without it the hashes cannot be tested against ids.
/// </summary>
public sealed class IdentityHasher(IOptions<DataOptions> data)
{
    private const int KeyBytes = 32;
    private readonly Lazy<byte[]> _key = new(() => LoadOrCreateKey(Path.Combine(data.Value.Path, "feedback", "hash.key")));

    /// <summary>The hash of <paramref name="userId"/> on <paramref name="platform"/>: 22 URL-safe characters.</summary>
    public string Hash(string platform, string userId)
    {
        var mac = HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(platform + ":" + userId));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path) && File.ReadAllBytes(path) is { Length: KeyBytes } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // Two processes starting together: the first key in place wins and both use it.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return File.ReadAllBytes(path);
        }
    }
}
