using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HonchoBot.Core.Curation;

/// <summary>
/// One JSON object per line in one file per UTC day (<c>{directory}/yyyy-MM-dd.jsonl</c>), so retention deletes whole
/// files. Appends are serialised within the process and opened with <c>O_APPEND</c>; a day's file stops growing at
/// <see cref="MaxBytesPerDay"/>; a torn or hand-edited line is skipped on read.
/// </summary>
internal sealed class DailyJsonlFiles(string directory, TimeProvider time, Func<int> retentionDays) : IDisposable
{
    /// <summary>A day's file is not appended to past this size (a flood cannot fill the disk).</summary>
    public const long MaxBytesPerDay = 64L * 1024 * 1024;

    private const string Extension = ".jsonl";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateOnly _prunedOn;

    public string Directory => directory;

    /// <summary>The UTC day of <paramref name="when"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset when) => DateOnly.FromDateTime(when.UtcDateTime);

    /// <summary>The oldest day still kept today.</summary>
    public DateOnly OldestKeptDay() => DayOf(time.GetUtcNow()).AddDays(-retentionDays());

    /// <summary>Appends one value to today's file; false when the day's file is full.</summary>
    public async Task<bool> AppendAsync<T>(T value, CancellationToken cancellationToken)
    {
        var line = Utf8.GetBytes(JsonSerializer.Serialize(value, JsonDefaults.Compact) + "\n");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var today = DayOf(time.GetUtcNow());
            if (_prunedOn != today)
            {
                Prune();
                _prunedOn = today;
            }

            System.IO.Directory.CreateDirectory(directory);
            var path = PathOf(today);
            var info = new FileInfo(path);
            if (info.Exists && info.Length + line.Length > MaxBytesPerDay)
            {
                return false;
            }

            await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
            await stream.WriteAsync(line, CancellationToken.None);
            await stream.FlushAsync(CancellationToken.None);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every value from <paramref name="from"/> (and no earlier than retention allows) to today, oldest first.</summary>
    public async Task<List<T>> ReadAsync<T>(DateOnly from, CancellationToken cancellationToken)
    {
        var oldest = OldestKeptDay();
        var start = from > oldest ? from : oldest;
        var values = new List<T>();
        foreach (var file in Files().Where(f => f.Day >= start).OrderBy(f => f.Day))
        {
            values.AddRange(await ReadFileAsync<T>(file.Path, cancellationToken));
        }

        return values;
    }

    /// <summary>Every value of one day (empty when that day is past retention or has no file).</summary>
    public Task<List<T>> ReadDayAsync<T>(DateOnly day, CancellationToken cancellationToken) =>
        day < OldestKeptDay() ? Task.FromResult(new List<T>()) : ReadFileAsync<T>(PathOf(day), cancellationToken);

    /// <summary>Deletes the files of days before retention.</summary>
    public void Prune()
    {
        var oldest = OldestKeptDay();
        foreach (var (day, path) in Files())
        {
            if (day < oldest)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Tried again on the next day's first append.
                }
            }
        }
    }

    private string PathOf(DateOnly day) =>
        Path.Combine(directory, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Extension);

    private IEnumerable<(DateOnly Day, string Path)> Files()
    {
        if (!System.IO.Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(path), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                yield return (day, path);
            }
        }
    }

    private static async Task<List<T>> ReadFileAsync<T>(string path, CancellationToken cancellationToken)
    {
        var values = new List<T>();
        if (!File.Exists(path))
        {
            return values;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Utf8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<T>(line, JsonDefaults.Compact) is { } value)
                {
                    values.Add(value);
                }
            }
            catch (JsonException)
            {
                // A torn last line (a crash mid-append) or a hand edit: skipped.
            }
        }

        return values;
    }

    public void Dispose() => _gate.Dispose();
}
