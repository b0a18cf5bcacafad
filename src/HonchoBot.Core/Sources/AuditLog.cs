using System.Text;
using System.Text.Json;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Sources;

/// <summary>
/// The append-only <c>{data}/audit.jsonl</c>: one compact JSON object per line, appended and flushed
/// before the registry replies, including refused attempts. A torn or hand-edited line is skipped on
/// read, never fatal.
/// </summary>
public sealed class AuditLog(IOptions<DataOptions> data) : IAuditLog, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string FilePath => Path.GetFullPath(Path.Combine(data.Value.Path, "audit.jsonl"));

    /// <summary>Appends one entry and flushes it to disk.</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var line = Utf8.GetBytes(JsonSerializer.Serialize(entry, JsonDefaults.Compact) + "\n");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);

            // FileMode.Append opens with O_APPEND: each line lands whole at the end, even with a second process.
            await using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
            await stream.WriteAsync(line, CancellationToken.None);
            await stream.FlushAsync(CancellationToken.None);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest <paramref name="max"/> entries of a community (null: all), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? communityId, int max, CancellationToken cancellationToken)
    {
        if (max <= 0 || !File.Exists(FilePath))
        {
            return [];
        }

        var kept = new Queue<AuditEntry>();
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Utf8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AuditEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<AuditEntry>(line, JsonDefaults.Compact);
            }
            catch (JsonException)
            {
                continue;
            }

            if (entry is null || (communityId is not null && entry.CommunityId != communityId))
            {
                continue;
            }

            kept.Enqueue(entry);
            if (kept.Count > max)
            {
                kept.Dequeue();
            }
        }

        return [.. kept];
    }

    public void Dispose() => _gate.Dispose();
}
