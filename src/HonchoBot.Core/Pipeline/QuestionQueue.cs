using HonchoBot.Core.Telemetry;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Pipeline;

/// <summary>A bounded channel drained by <see cref="QuestionWorkerService"/>.</summary>
public sealed class QuestionQueue(IOptions<QueueOptions> options, HonchoMetrics? metrics = null) : IQuestionQueue
{
    private readonly Channel<QueuedWork> _channel = Channel.CreateBounded<QueuedWork>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently.
            SingleReader = false,
            SingleWriter = false,
        });

    public int Depth => _channel.Reader.CanCount ? _channel.Reader.Count : 0;

    public bool TryEnqueue(QueuedWork work)
    {
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        metrics?.RecordQueueFull(work.Platform);
        return false;
    }

    internal ChannelReader<QueuedWork> Reader => _channel.Reader;

    /// <summary>Stops taking work; queued items are still drained.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
