using System.Globalization;
using HonchoBot.Core.Answers;
using ScottPlot;
using SkiaSharp;

namespace HonchoBot.Charts;

/// <summary>
/// A bar chart of a disagreement about numbers: one bar per source's figure, labelled with the source's short title
/// and the figure as stated, the kind of disagreement in the title and what is counted on the axis. A light card with
/// dark text, so it reads the same in dark and light themes; the font is embedded, so the same disagreement gives the
/// same PNG bytes on every machine.
/// </summary>
public static class DisagreementChart
{
    public const int Width = 640;
    public const int Height = 400;

    private static readonly Color Card = Color.FromHex("#F7F7F5");
    private static readonly Color Ink = Color.FromHex("#1F2328");
    private static readonly Color Grid = Color.FromHex("#D8DADD");

    /// <summary>Colour-blind-safe bar colours (Okabe–Ito), dark enough against the card.</summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"),
        Color.FromHex("#D55E00"),
        Color.FromHex("#009E73"),
        Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"),
    ];

    /// <summary>
    /// <see cref="RenderFirst"/> for the chat and web front ends, where a chart is an extra beside an answer already
    /// written: null at once for an answer with no disagreement, and null with the <paramref name="failure"/> (for the
    /// caller's log) when drawing throws, so a chart can never cost the answer.
    /// </summary>
    public static byte[]? TryRenderFirst(Answer answer, out Exception? failure)
    {
        failure = null;
        if (answer.Status != AnswerStatus.Answered || answer.Disagreements.Count == 0)
        {
            return null;
        }

        try
        {
            return RenderFirst(answer);
        }
        catch (Exception ex)
        {
            failure = ex;
            return null;
        }
    }

    /// <summary>The first disagreement of <paramref name="answer"/> that can be drawn, as a PNG; null when none can.</summary>
    public static byte[]? RenderFirst(Answer answer)
    {
        foreach (var disagreement in answer.Disagreements)
        {
            if (Render(disagreement, answer.Citations) is { } png)
            {
                return png;
            }
        }

        return null;
    }

    /// <summary>
    /// The chart of <paramref name="disagreement"/> as a PNG, its sides named after the sources of
    /// <paramref name="citations"/> (the answer's); null unless at least two sides state a number.
    /// </summary>
    public static byte[]? Render(Disagreement disagreement, IReadOnlyList<Citation> citations)
    {
        var bars = new List<(string Source, ChartFigure Figure)>();
        foreach (var claim in disagreement.Claims)
        {
            if (ChartFigure.TryParse(claim.Value) is { } figure)
            {
                var citation = citations.FirstOrDefault(c => c.N == claim.Citation);
                var source = citation is null ? $"[{claim.Citation}]" : $"[{claim.Citation}] {ShortTitle.Of(citation.Title)}";
                bars.Add((source, figure));
            }
        }

        if (bars.Count < 2)
        {
            return null;
        }

        EmbeddedFontResolver.EnsureRegistered();
        using var plot = new Plot();
        Style(plot);

        var drawn = bars.Select((b, i) => new Bar
        {
            Position = i,
            ValueBase = b.Figure.Low < b.Figure.High ? b.Figure.Low : 0,
            Value = b.Figure.High,
            FillColor = Palette[i % Palette.Length],
            LineWidth = 0,
            Label = b.Figure.Label,
            Size = 0.6,
        }).ToArray();
        var series = plot.Add.Bars(drawn);
        series.ValueLabelStyle.FontName = EmbeddedFontResolver.FontName;
        series.ValueLabelStyle.FontSize = 15;
        series.ValueLabelStyle.ForeColor = Ink;

        plot.Axes.Bottom.SetTicks(
            drawn.Select(b => b.Position).ToArray(),
            bars.Select(b => b.Source).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.18);

        plot.Title($"{KindTitle(disagreement.Kind)}: {disagreement.Topic}");
        plot.YLabel(AxisLabel(disagreement));
        plot.Font.Set(EmbeddedFontResolver.FontName);
        return Encode(plot);
    }

    /// <summary>The kind of disagreement as the chart's heading.</summary>
    public static string KindTitle(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Conflict => "Sources conflict",
        DisagreementKind.DifferentMeasure => "Different measures",
        DisagreementKind.ChangeOverTime => "Changed over time",
        _ => "Sources disagree",
    };

    /// <summary>What the bars count: the disputed topic (the claims' counted thing and measure), or a neutral label.</summary>
    private static string AxisLabel(Disagreement disagreement) =>
        string.IsNullOrWhiteSpace(disagreement.Topic)
            ? "figure as stated"
            : char.ToUpper(disagreement.Topic[0], CultureInfo.InvariantCulture) + disagreement.Topic[1..];

    /// <summary>
    /// Draws on a raster surface and encodes with one PNG filter and light compression: most of the cost of a chart is
    /// the encoder, and a flat chart compresses well at a low level.
    /// </summary>
    private static byte[] Encode(Plot plot)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not create a raster surface.");
        plot.Render(surface.Canvas, Width, Height);
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
        return png.ToArray();
    }

    private static void Style(Plot plot)
    {
        plot.FigureBackground.Color = Card;
        plot.DataBackground.Color = Card;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Grid;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Axes.Title.Label.FontSize = 17;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.MinimumSize = 36;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.Label.FontSize = 14;
    }
}
