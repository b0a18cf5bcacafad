using HonchoBot.Charts;
using HonchoBot.Core.Answers;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Rendering;

/// <summary>
/// The chart of an answer's numeric disagreement, as a Discord upload shown inside the answer's embed
/// (<c>image.url = attachment://chart.png</c>, docs/platform-protocols.md). Drawn by the reply sinks on the queue
/// worker, never on the gateway. A chart is an extra: one that fails to draw or to send is logged, and the answer
/// goes without it.
/// </summary>
internal sealed partial class DiscordChartRenderer(ILogger<DiscordChartRenderer> logger)
{
    public const string FileName = "chart.png";

    /// <summary>The chart of <paramref name="answer"/>'s first drawable disagreement, or null when there is none.</summary>
    public DiscordFile? Render(Answer answer)
    {
        if (DisagreementChart.TryRenderFirst(answer, out var failure) is { } png)
        {
            return new DiscordFile(FileName, png);
        }

        if (failure is not null)
        {
            LogDrawFailed(logger, failure);
        }

        return null;
    }

    /// <summary><paramref name="message"/> with <paramref name="chart"/> listed as attachment 0 and shown in its first embed.</summary>
    public static DiscordMessage Attach(DiscordMessage message, DiscordFile chart)
    {
        var image = new EmbedImage("attachment://" + chart.FileName);
        var embeds = message.Embeds is { Count: > 0 } existing
            ? [existing[0] with { Image = image }, .. existing.Skip(1)]
            : new List<Embed> { new() { Image = image } };
        return message with { Embeds = embeds, Attachments = [new MessageAttachment(0, chart.FileName)] };
    }

    /// <summary>Logs that the chart did not reach Discord (the answer itself did, or is sent without it).</summary>
    public void ReportNotSent(int status, string? error) => LogNotSent(logger, status, error ?? "");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drawing a disagreement chart failed; the answer goes without it")]
    private static partial void LogDrawFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the disagreement chart failed ({Status} {Error}); the answer is sent without it")]
    private static partial void LogNotSent(ILogger logger, int status, string error);
}
