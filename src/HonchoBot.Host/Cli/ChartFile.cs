using HonchoBot.Charts;
using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Cli;

/// <summary><c>honcho ask --chart FILE.png</c>: where the chart of a numeric disagreement goes, checked before the question is asked.</summary>
internal static class ChartFile
{
    /// <summary>A usage error unless <paramref name="file"/> can be a new or replaced PNG file.</summary>
    public static void Validate(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new UsageException($"--chart {file.FullName}: is a directory; give a file name such as chart.png");
        }

        if (!string.Equals(file.Extension, ".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--chart {file.FullName}: the chart is a PNG; give a file name ending in .png");
        }

        if (file.Directory is not { Exists: true })
        {
            throw new UsageException($"--chart {file.FullName}: no such directory {file.DirectoryName}");
        }
    }

    /// <summary>
    /// Writes the chart of the answer's first numeric disagreement and returns true; returns false, writing nothing,
    /// when the answer has none.
    /// </summary>
    public static async Task<bool> WriteAsync(FileInfo file, Answer answer, CancellationToken cancellationToken)
    {
        if (DisagreementChart.RenderFirst(answer) is not { } png)
        {
            return false;
        }

        try
        {
            await File.WriteAllBytesAsync(file.FullName, png, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--chart {file.FullName}: cannot write the chart: {ex.Message}");
        }

        return true;
    }
}
