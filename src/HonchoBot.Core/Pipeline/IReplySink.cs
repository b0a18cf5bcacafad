using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Pipeline;

/// <summary>
/// Where one question's reply goes, supplied by the adapter that received it. <see cref="AskPipeline"/> calls
/// exactly one of the two methods, once, on a queue worker; the adapter renders and sends.
/// </summary>
public interface IReplySink
{
    /// <summary>Renders and sends the answer; its status may be an error, with the reference in its message.</summary>
    Task SendAsync(Answer answer, CancellationToken cancellationToken);

    /// <summary>The host stopped before the question was answered: tell the asker to ask again.</summary>
    Task SendShuttingDownAsync(CancellationToken cancellationToken);
}
