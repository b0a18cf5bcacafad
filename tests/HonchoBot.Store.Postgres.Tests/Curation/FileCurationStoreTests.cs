using HonchoBot.Core.Curation;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Store.Postgres.Tests.Curation;

/// <summary>The curation contract against the data-directory files (files mode), the behaviour postgres mode must match.</summary>
public sealed class FileCurationStoreTests : CurationStoreContract
{
    protected override Task<CurationStores> OpenAsync(QuestionLogOptions options, FakeTimeProvider clock)
    {
        var path = Directory.CreateTempSubdirectory("honcho-curation-contract-").FullName;
        var data = Options.Create(new DataOptions { Path = path });
        var settings = Options.Create(options);
        var log = new FileQuestionLog(data, settings, clock, NullLogger<FileQuestionLog>.Instance);
        var feedback = new FileFeedbackStore(data, settings, clock, NullLogger<FileFeedbackStore>.Instance);
        return Task.FromResult(new CurationStores(log, feedback, new FileIdentityKeySource(data), () =>
        {
            log.Dispose();
            feedback.Dispose();
            Directory.Delete(path, recursive: true);
        }));
    }
}
