namespace HonchoBot.Core.Pipeline;

/// <summary>
/// The bounded queue between adapters and answering: answering never blocks a receive loop
/// or a webhook request. Adapters acknowledge the platform first, then enqueue the work.
/// </summary>
public interface IQuestionQueue
{
    /// <summary>
    /// Queues work to run on a background worker in its own DI scope. Returns false when the queue
    /// is full or shutting down: the adapter then tells the user "busy, try again" itself.
    /// </summary>
    bool TryEnqueue(QueuedWork work);

    /// <summary>Items waiting to run.</summary>
    int Depth { get; }
}
