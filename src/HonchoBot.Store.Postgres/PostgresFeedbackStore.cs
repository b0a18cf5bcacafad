using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// <see cref="IFeedbackStore"/> in <c>feedback_answers</c> and <c>feedback_votes</c> (postgres mode): a vote cast on
/// any replica counts for the answer whichever replica gave it. One row per voter and answer; a second vote updates
/// it. Answers past retention can no longer be voted on; old rows are deleted by <see cref="CurationRetentionSweeper"/>.
/// A store failure surfaces as <see cref="IOException"/>, as a file failure would.
/// </summary>
public sealed class PostgresFeedbackStore(
    NpgsqlDataSource dataSource,
    IOptions<QuestionLogOptions> options,
    TimeProvider time,
    CurationRetentionSweeper sweeper) : IFeedbackStore
{
    // Inserts only when the answer exists inside retention; xmax = 0 tells a fresh row from an updated one.
    private const string Upsert =
        """
        INSERT INTO feedback_votes (answer_id, voter_hash, value, reason, voted_at)
        SELECT a.id, @voter, @value, @reason, @now FROM feedback_answers a WHERE a.id = @id AND a.answered_at >= @cutoff
        ON CONFLICT (answer_id, voter_hash) DO UPDATE SET value = EXCLUDED.value, reason = EXCLUDED.reason, voted_at = EXCLUDED.voted_at
        RETURNING (xmax = 0)
        """;

    public async Task<string?> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!options.Value.IsOn)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var id = AnswerIds.New(now);
        try
        {
            await using var command = dataSource.CreateCommand(
                """
                INSERT INTO feedback_answers (id, answered_at, question, status, passage_ids, platform, community_id, channel_id, asker_hash)
                VALUES (@id, @at, @question, @status, @passages, @platform, @community, @channel, @asker)
                """);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("at", now);
            command.Parameters.AddWithValue("question", answer.Question);
            command.Parameters.AddWithValue("status", StoredEnum.ToText(answer.Status));
            command.Parameters.AddWithValue("passages", answer.PassageIds.ToArray());
            command.Parameters.AddWithValue("platform", answer.Platform);
            command.Parameters.AddWithValue("community", (object?)answer.CommunityId ?? DBNull.Value);
            command.Parameters.AddWithValue("channel", (object?)answer.ChannelId ?? DBNull.Value);
            command.Parameters.AddWithValue("asker", (object?)answer.AskerHash ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not keep the answer for feedback: " + ex.Message, ex);
        }

        await sweeper.SweepIfDueAsync(now, cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken)
    {
        if (!options.Value.IsOn || !AnswerIds.TryGetDay(answerId, out _))
        {
            return null;
        }

        try
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT id, answered_at, question, status, passage_ids, platform, community_id, channel_id, asker_hash
                FROM feedback_answers WHERE id = @id AND answered_at >= @cutoff
                """);
            command.Parameters.AddWithValue("id", answerId);
            command.Parameters.AddWithValue("cutoff", sweeper.CutoffAt(time.GetUtcNow()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new AnswerRecord(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                StoredEnum.Parse<AnswerStatus>(reader.GetString(3)),
                reader.GetFieldValue<string[]>(4),
                reader.GetString(5),
                NullableString(reader, 6),
                NullableString(reader, 7),
                NullableString(reader, 8));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not look up the answer: " + ex.Message, ex);
        }
    }

    public async Task<VoteOutcome> VoteAsync(string answerId, string voterHash, VoteValue value, VoteReason? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voterHash);
        if (!options.Value.IsOn || !AnswerIds.TryGetDay(answerId, out _))
        {
            return VoteOutcome.UnknownAnswer;
        }

        var now = time.GetUtcNow();
        try
        {
            await using var command = dataSource.CreateCommand(Upsert);
            command.Parameters.AddWithValue("id", answerId);
            command.Parameters.AddWithValue("voter", voterHash);
            command.Parameters.AddWithValue("value", StoredEnum.ToText(value));
            command.Parameters.AddWithValue("reason", reason is { } why ? StoredEnum.ToText(why) : DBNull.Value);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("cutoff", sweeper.CutoffAt(now));
            var inserted = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return inserted switch
            {
                true => VoteOutcome.Recorded,
                false => VoteOutcome.Updated,
                _ => VoteOutcome.UnknownAnswer,
            };
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not record the vote: " + ex.Message, ex);
        }
    }

    public async Task<IReadOnlyList<Vote>> ReadVotesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!options.Value.IsOn)
        {
            return [];
        }

        var cutoff = sweeper.CutoffAt(time.GetUtcNow());
        try
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT v.answer_id, v.voter_hash, v.value, v.reason, v.voted_at, a.question, a.passage_ids, a.community_id, a.asker_hash
                FROM feedback_votes v JOIN feedback_answers a ON a.id = v.answer_id
                WHERE v.voted_at >= @since
                ORDER BY v.voted_at, v.answer_id, v.voter_hash
                """);
            command.Parameters.AddWithValue("since", since > cutoff ? since.ToUniversalTime() : cutoff);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var votes = new List<Vote>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                votes.Add(new Vote(
                    reader.GetString(0),
                    reader.GetString(1),
                    StoredEnum.Parse<VoteValue>(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : StoredEnum.Parse<VoteReason>(reader.GetString(3)),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetString(5),
                    reader.GetFieldValue<string[]>(6),
                    NullableString(reader, 7),
                    NullableString(reader, 8)));
            }

            return votes;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new IOException("The store could not read the votes: " + ex.Message, ex);
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
