using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Cli;

/// <summary>
/// Vectors for the CLI's one-shot commands. A small library missing vectors (a first run, a few new
/// sources) is embedded before answering, with progress on stderr; a large one is left to
/// <c>honcho index</c> or a running server, and answered lexically where vectors are missing.
/// </summary>
internal static class CliVectors
{
    /// <summary>Passages a one-shot command embeds before answering (about 20 s on two cores).</summary>
    public const int MaxBeforeAnswer = 500;

    /// <summary>Embeds what is missing; with <paramref name="all"/> false only when little is missing.</summary>
    public static void Prepare(IndexHost host, bool all, CancellationToken cancellationToken)
    {
        var semantic = host.Semantic;
        if (!semantic.IsEnabled)
        {
            return;
        }

        host.AttachSemantic();
        var coverage = semantic.Coverage;
        var missing = coverage.Passages - coverage.Embedded;
        if (missing == 0)
        {
            return;
        }

        if (!all && missing > MaxBeforeAnswer)
        {
            Console.Error.WriteLine($"honcho: {missing} of {coverage.Passages} passages have no vectors yet; those are searched by words only. Run 'honcho index' to embed them.");
            return;
        }

        semantic.EmbedAll(CliProgress.ToStderr(), cancellationToken);
    }
}
