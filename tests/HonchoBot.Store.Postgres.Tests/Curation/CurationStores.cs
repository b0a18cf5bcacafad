using HonchoBot.Core.Curation;

namespace HonchoBot.Store.Postgres.Tests.Curation;

/// <summary>One implementation's question log, feedback store and hash key source, and how to clean up after them.</summary>
public sealed class CurationStores(IQuestionLog log, IFeedbackStore feedback, IIdentityKeySource keys, Action cleanup) : IDisposable
{
    public IQuestionLog Log { get; } = log;

    public IFeedbackStore Feedback { get; } = feedback;

    public IIdentityKeySource Keys { get; } = keys;

    public void Dispose() => cleanup();
}
