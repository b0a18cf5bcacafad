using System.Security.Cryptography;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Curation;

/// <summary>
/// The hash key in <c>{data}/feedback/hash.key</c> (owner-only permissions), created once per install; two
/// processes starting together keep whichever key was moved into place first.
/// </summary>
public sealed class FileIdentityKeySource(IOptions<DataOptions> data) : IIdentityKeySource
{
    /// <summary>Length of the key in bytes.</summary>
    public const int KeyBytes = 32;

    public byte[] LoadOrCreate()
    {
        var path = Path.Combine(data.Value.Path, "feedback", "hash.key");
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
