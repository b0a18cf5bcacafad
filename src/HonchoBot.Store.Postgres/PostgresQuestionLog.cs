using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// <see cref="IQuestionLog"/> in the <c>questions</c> table (postgres mode): every replica's questions in one place,
/// never who asked. Rows past retention are not read and are deleted by <see cref="CurationRetentionSweeper"/>. A
/// store failure surfaces as <see cref="IOException"/>, as a file failure would.
/// </summary>
public sealed class PostgresQuestionLog(
    NpgsqlDataSource dataSource,
    IOptions<QuestionLogOptions> options,
    TimeProvider time,
    CurationRetentionSweeper sweeper) : IQuestionLog
{
    public async Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!options.Value.IsOn)
        {
            return;
        }

        try
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO questions (asked_at, text, status, platform, community_id) VALUES (@at, @text, @status, @platform, @community)");
            command.Parameters.AddWithValue("at", record.Time.ToUniversalTime());
            command.Parameters.AddWithValue("text", record.Text);
            command.Parameters.AddWithValue("status", StoredEnum.ToText(record.Status));
            command.Parameters.AddWithValue("platform", record.Platform);
            command.Parameters.AddWithValue("community", (object?)record.CommunityId ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not record the question: " + ex.Message, ex);
        }

        await sweeper.SweepIfDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QuestionRecord>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!options.Value.IsOn)
        {
            return [];
        }

        var cutoff = sweeper.CutoffAt(time.GetUtcNow());
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT asked_at, text, status, platform, community_id FROM questions WHERE asked_at >= @since ORDER BY asked_at, id");
            command.Parameters.AddWithValue("since", since > cutoff ? since.ToUniversalTime() : cutoff);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var records = new List<QuestionRecord>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new QuestionRecord(
                    reader.GetFieldValue<DateTimeOffset>(0),
                    reader.GetString(1),
                    StoredEnum.Parse<AnswerStatus>(reader.GetString(2)),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            return records;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not read the question log: " + ex.Message, ex);
        }
    }
}
