using System.Diagnostics;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Exactly one process owns the index writer. Lucene.Net's own write.lock is a shared flock on Linux
/// and does not exclude a second process (docs/index-design.md: verified data loss); a FileShare.None
/// stream maps to LOCK_EX, and the kernel releases it when the process dies.
/// </summary>
internal sealed class IndexOwnerLock : IDisposable
{
    private readonly FileStream _stream;

    private IndexOwnerLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null and who holds it.</summary>
    public static IndexOwnerLock? TryAcquire(string dataDirectory, out string? holder)
    {
        Directory.CreateDirectory(dataDirectory);
        var lockPath = Path.Combine(dataDirectory, "index.owner.lock");
        var infoPath = Path.Combine(dataDirectory, "index.owner");
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            using var process = Process.GetCurrentProcess();
            File.WriteAllText(infoPath, $"process {Environment.ProcessId} ({process.ProcessName}) since {DateTimeOffset.UtcNow:u}");
            holder = null;
            return new IndexOwnerLock(stream);
        }
        catch (IOException)
        {
            holder = File.Exists(infoPath) ? SafeRead(infoPath) : "another process";
            return null;
        }
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return "another process";
        }
    }

    public void Dispose() => _stream.Dispose();
}
