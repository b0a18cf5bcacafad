using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Curation;

/// <summary>
/// <see cref="IFeedbackStore"/> in daily JSONL files: <c>{data}/feedback/answers/</c> (one line per answer with
/// buttons) and <c>{data}/feedback/votes/</c> (one line per click, the latest per voter and answer counting). Whole
/// days past retention are deleted. An answer's id names its day, so finding it reads one file.
/// </summary>
public sealed partial class FileFeedbackStore : IFeedbackStore, IDisposable
{
    private readonly IOptions<QuestionLogOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FileFeedbackStore> _logger;
    private readonly DailyJsonlFiles _answers;
    private readonly DailyJsonlFiles _votes;
    private readonly SemaphoreSlim _voteGate = new(1, 1);

    public FileFeedbackStore(IOptions<DataOptions> data, IOptions<QuestionLogOptions> options, TimeProvider time, ILogger<FileFeedbackStore> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        var root = Path.Combine(data.Value.Path, "feedback");
        _answers = new DailyJsonlFiles(Path.Combine(root, "answers"), time, () => options.Value.RetentionDays);
        _votes = new DailyJsonlFiles(Path.Combine(root, "votes"), time, () => options.Value.RetentionDays);
    }

    public async Task<string?> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        if (!_options.Value.IsOn)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var stored = answer with { Id = AnswerIds.New(now), Time = now };
        if (await _answers.AppendAsync(stored, cancellationToken))
        {
            return stored.Id;
        }

        LogDayFull(_logger, DailyJsonlFiles.MaxBytesPerDay);
        return null;
    }

    public async Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken)
    {
        if (!_options.Value.IsOn || !AnswerIds.TryGetDay(answerId, out var day))
        {
            return null;
        }

        var answers = await _answers.ReadDayAsync<AnswerRecord>(day, cancellationToken);
        return answers.LastOrDefault(a => a.Id == answerId);
    }

    public async Task<VoteOutcome> VoteAsync(string answerId, string voterHash, VoteValue value, VoteReason? reason, CancellationToken cancellationToken)
    {
        if (await FindAnswerAsync(answerId, cancellationToken) is not { } answer)
        {
            return VoteOutcome.UnknownAnswer;
        }

        await _voteGate.WaitAsync(cancellationToken);
        try
        {
            var earlier = await _votes.ReadAsync<Vote>(DailyJsonlFiles.DayOf(answer.Time), cancellationToken);
            var outcome = earlier.Exists(v => v.AnswerId == answerId && v.VoterHash == voterHash) ? VoteOutcome.Updated : VoteOutcome.Recorded;
            var vote = new Vote(answerId, voterHash, value, reason, _time.GetUtcNow(), answer.Question, answer.PassageIds, answer.CommunityId, answer.AskerHash);
            if (!await _votes.AppendAsync(vote, cancellationToken))
            {
                LogDayFull(_logger, DailyJsonlFiles.MaxBytesPerDay);
                return VoteOutcome.UnknownAnswer;
            }

            return outcome;
        }
        finally
        {
            _voteGate.Release();
        }
    }

    public async Task<IReadOnlyList<Vote>> ReadVotesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!_options.Value.IsOn)
        {
            return [];
        }

        // Files are read oldest first and appended in order: the last line per voter and answer is the vote.
        var all = await _votes.ReadAsync<Vote>(DailyJsonlFiles.DayOf(since), cancellationToken);
        var latest = new Dictionary<(string, string), Vote>();
        foreach (var vote in all)
        {
            latest[(vote.AnswerId, vote.VoterHash)] = vote;
        }

        return latest.Values.Where(v => v.Time >= since).OrderBy(v => v.Time).ToList();
    }

    public void Dispose()
    {
        _answers.Dispose();
        _votes.Dispose();
        _voteGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Today's feedback file reached {MaxBytes} bytes; further feedback today is not recorded")]
    private static partial void LogDayFull(ILogger logger, long maxBytes);
}
