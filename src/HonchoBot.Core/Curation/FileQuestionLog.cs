using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Curation;

/// <summary>
/// <see cref="IQuestionLog"/> in <c>{data}/questions/yyyy-MM-dd.jsonl</c>: one line per question, one file per UTC
/// day, whole days deleted once they are older than <see cref="QuestionLogOptions.RetentionDays"/>.
/// </summary>
public sealed partial class FileQuestionLog : IQuestionLog, IDisposable
{
    private readonly IOptions<QuestionLogOptions> _options;
    private readonly DailyJsonlFiles _files;
    private readonly ILogger<FileQuestionLog> _logger;

    public FileQuestionLog(IOptions<DataOptions> data, IOptions<QuestionLogOptions> options, TimeProvider time, ILogger<FileQuestionLog> logger)
    {
        _options = options;
        _logger = logger;
        _files = new DailyJsonlFiles(Path.Combine(data.Value.Path, "questions"), time, () => options.Value.RetentionDays);
    }

    /// <summary>The folder of the daily files.</summary>
    public string DirectoryPath => _files.Directory;

    public async Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken)
    {
        if (!_options.Value.IsOn)
        {
            return;
        }

        if (!await _files.AppendAsync(record, cancellationToken))
        {
            LogDayFull(_logger, DailyJsonlFiles.MaxBytesPerDay);
        }
    }

    public async Task<IReadOnlyList<QuestionRecord>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!_options.Value.IsOn)
        {
            return [];
        }

        var records = await _files.ReadAsync<QuestionRecord>(DailyJsonlFiles.DayOf(since), cancellationToken);
        return records.Where(r => r.Time >= since).ToList();
    }

    public void Dispose() => _files.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Today's question log reached {MaxBytes} bytes; further questions today are not recorded")]
    private static partial void LogDayFull(ILogger logger, long maxBytes);
}
