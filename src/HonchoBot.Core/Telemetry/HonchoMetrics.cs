using System.Diagnostics.Metrics;
using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Telemetry;

/// <summary>
/// HonchoBot's instruments (exported on <c>/metrics</c> by the host). Adapters and Core record through
/// this one object so names and tags stay consistent.
/// </summary>
public sealed class HonchoMetrics : IDisposable
{
    public const string MeterName = "HonchoBot";

    private readonly Meter _meter;
    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerLatency;
    private readonly Counter<long> _disagreements;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _rest429;
    private readonly Counter<long> _sourceChanges;
    private readonly Counter<long> _busy;

    public HonchoMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _questions = _meter.CreateCounter<long>("honcho.questions", "{question}", "Questions answered, by platform and outcome (status)");
        _answerLatency = _meter.CreateHistogram<double>("honcho.answer.duration", "ms", "Time from the question entering the pipeline to the answer being built");
        _disagreements = _meter.CreateCounter<long>("honcho.disagreements.shown", "{disagreement}", "Disagreements shown in answers");
        _rateLimited = _meter.CreateCounter<long>("honcho.ratelimit.refusals", "{refusal}", "Questions refused by per-user or per-channel limits");
        _busy = _meter.CreateCounter<long>("honcho.queue.full", "{refusal}", "Questions refused because the queue was full");
        _reconnects = _meter.CreateCounter<long>("honcho.connection.reconnects", "{reconnect}", "Gateway / Socket Mode reconnects");
        _rest429 = _meter.CreateCounter<long>("honcho.rest.ratelimited", "{response}", "HTTP 429 responses from platform APIs");
        _sourceChanges = _meter.CreateCounter<long>("honcho.sources.changes", "{change}", "Sources added, removed, hidden or unhidden");
    }

    /// <summary>Registers the queue depth gauge (called once by the host).</summary>
    public void ObserveQueueDepth(Func<int> depth) =>
        _meter.CreateObservableGauge("honcho.queue.depth", depth, "{question}", "Questions waiting for a worker");

    public void RecordAnswer(string platform, Answer answer)
    {
        var tags = new KeyValuePair<string, object?>[] { new("platform", platform), new("outcome", Outcome(answer.Status)) };
        _questions.Add(1, tags);
        if (answer.Status is AnswerStatus.Answered or AnswerStatus.NoAnswer)
        {
            _answerLatency.Record(answer.ElapsedMs, new KeyValuePair<string, object?>("platform", platform));
        }

        if (answer.Disagreements.Count > 0)
        {
            _disagreements.Add(answer.Disagreements.Count, new KeyValuePair<string, object?>("platform", platform));
        }
    }

    public void RecordRateLimited(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RecordQueueFull(string platform) => _busy.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RecordReconnect(string connection) => _reconnects.Add(1, new KeyValuePair<string, object?>("connection", connection));

    public void RecordRest429(string platform) => _rest429.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RecordSourceChange(string action, string outcome) =>
        _sourceChanges.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The snake_case status name used in the JSON contract.</summary>
    public static string Outcome(AnswerStatus status) => status switch
    {
        AnswerStatus.Answered => "answered",
        AnswerStatus.NoAnswer => "no_answer",
        AnswerStatus.Invalid => "invalid",
        AnswerStatus.Busy => "busy",
        AnswerStatus.RateLimited => "rate_limited",
        AnswerStatus.NotReady => "not_ready",
        _ => "error",
    };

    public void Dispose() => _meter.Dispose();
}
