using HonchoBot.Core.Curation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Keeps the question log and feedback tables to <see cref="QuestionLogOptions.RetentionDays"/>: at most once an
/// hour per process, deletes up to <see cref="BatchSize"/> rows per table from days past retention (whole UTC days,
/// as the file store does). Reads filter by the same cutoff, so rows a sweep has not reached yet are never seen.
/// </summary>
public sealed partial class CurationRetentionSweeper(NpgsqlDataSource dataSource, IOptions<QuestionLogOptions> options, ILogger<CurationRetentionSweeper> logger)
{
    /// <summary>How often a process sweeps.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Most rows one sweep deletes from each table, so a sweep is short even after a long pause.</summary>
    public const int BatchSize = 10_000;

    // Votes first: an answer is deleted only once it has no vote left inside retention, so a vote
    // cast late in an answer's life keeps what it was about for as long as the vote itself is kept.
    private const string Sweep =
        """
        DELETE FROM questions WHERE id IN (SELECT id FROM questions WHERE asked_at < @cutoff LIMIT @batch);
        DELETE FROM feedback_votes WHERE (answer_id, voter_hash) IN
            (SELECT answer_id, voter_hash FROM feedback_votes WHERE voted_at < @cutoff LIMIT @batch);
        DELETE FROM feedback_answers WHERE id IN
            (SELECT a.id FROM feedback_answers a
             WHERE a.answered_at < @cutoff
               AND NOT EXISTS (SELECT 1 FROM feedback_votes v WHERE v.answer_id = a.id AND v.voted_at >= @cutoff)
             LIMIT @batch);
        """;

    private readonly IntervalGate _gate = new(Interval);

    /// <summary>The first instant still kept at <paramref name="now"/>: the start of the oldest kept UTC day.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int retentionDays) =>
        new(now.UtcDateTime.Date.AddDays(-retentionDays), TimeSpan.Zero);

    /// <summary>The cutoff under the current options.</summary>
    public DateTimeOffset CutoffAt(DateTimeOffset now) => Cutoff(now, options.Value.RetentionDays);

    /// <summary>Deletes rows past retention when the last sweep in this process is an hour old; failures are logged.</summary>
    public async Task SweepIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_gate.TryEnter(now))
        {
            return;
        }

        try
        {
            await using var command = dataSource.CreateCommand(Sweep);
            command.Parameters.AddWithValue("cutoff", CutoffAt(now));
            command.Parameters.AddWithValue("batch", BatchSize);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            // Reads already ignore old rows; the next sweep deletes them.
            LogSweepFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting questions and feedback past retention failed ({Reason}); the next sweep retries")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
