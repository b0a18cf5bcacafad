using HonchoBot.Core.Curation;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Core.Tests.Curation;

/// <summary>A question log, feedback store and hasher in a temporary data directory, on a fake clock.</summary>
internal sealed class CurationFixture : IDisposable
{
    public CurationFixture(int retentionDays = 90, bool record = true)
    {
        DataPath = Directory.CreateTempSubdirectory("honcho-curation-").FullName;
        var data = Options.Create(new DataOptions { Path = DataPath });
        Options_ = new QuestionLogOptions { Record = record, RetentionDays = retentionDays };
        var options = Microsoft.Extensions.Options.Options.Create(Options_);
        Log = new FileQuestionLog(data, options, Clock, NullLogger<FileQuestionLog>.Instance);
        Feedback = new FileFeedbackStore(data, options, Clock, NullLogger<FileFeedbackStore>.Instance);
        Hasher = new IdentityHasher(new FileIdentityKeySource(data));
        Recorder = new CurationRecorder(Log, Feedback, Hasher, Clock, NullLogger<CurationRecorder>.Instance);
        Gaps = new GapFinder(Log, Feedback, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public string DataPath { get; }

    public QuestionLogOptions Options_ { get; }

    public FileQuestionLog Log { get; }

    public FileFeedbackStore Feedback { get; }

    public IdentityHasher Hasher { get; }

    public CurationRecorder Recorder { get; }

    public GapFinder Gaps { get; }

    /// <summary>Every byte written under the data directory, as text.</summary>
    public string AllWrittenText() => string.Concat(
        Directory.EnumerateFiles(DataPath, "*.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText));

    public void Dispose()
    {
        Log.Dispose();
        Feedback.Dispose();
        Gaps.Dispose();
        Directory.Delete(DataPath, recursive: true);
    }
}
