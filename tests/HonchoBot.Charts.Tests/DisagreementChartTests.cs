using System.Diagnostics;
using HonchoBot.Core.Answers;
using SkiaSharp;
using Xunit.Abstractions;

namespace HonchoBot.Charts.Tests;

public sealed class DisagreementChartTests(ITestOutputHelper output)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void A_numeric_disagreement_is_a_png_of_the_chart_size()
    {
        var png = DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations);

        Assert.NotNull(png);
        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        Assert.InRange(png.Length, 4_000, 400_000);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(DisagreementChart.Width, bitmap.Width);
        Assert.Equal(DisagreementChart.Height, bitmap.Height);
    }

    [Fact]
    public void The_chart_is_not_a_blank_card()
    {
        using var bitmap = SKBitmap.Decode(DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations));

        var colours = bitmap.Pixels.Distinct().Count();
        output.WriteLine($"distinct colours: {colours}");
        // Card, ink, grid, two bar colours and the anti-aliased edges between them.
        Assert.True(colours >= 20, $"only {colours} distinct colours");
        Assert.Contains(bitmap.Pixels, p => Near(p, new SKColor(0x00, 0x72, 0xB2)));
        Assert.Contains(bitmap.Pixels, p => Near(p, new SKColor(0xD5, 0x5E, 0x00)));
    }

    [Fact]
    public void The_title_is_drawn_in_glyphs_without_system_fonts()
    {
        // The title band (top 10%) holds only the title: dark pixels there are its glyphs. A typeface that draws
        // nothing (no system fonts for the Linux natives) leaves the band the card's colour.
        using var bitmap = SKBitmap.Decode(DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations));

        var dark = 0;
        for (var y = 0; y < bitmap.Height / 10; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                dark += p.Red + p.Green + p.Blue < 3 * 100 ? 1 : 0;
            }
        }

        output.WriteLine($"dark pixels in the title band: {dark}");
        Assert.True(dark > 200, $"only {dark} dark pixels in the title band");
    }

    [Fact]
    public void The_background_is_a_light_card()
    {
        using var bitmap = SKBitmap.Decode(DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations));

        var corner = bitmap.GetPixel(1, 1);
        Assert.True(corner.Red + corner.Green + corner.Blue > 3 * 230, $"corner is {corner}");
    }

    [Fact]
    public void The_same_disagreement_gives_the_same_bytes()
    {
        var first = DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations);
        var second = DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations);

        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_figures_give_a_different_chart()
    {
        var chart = DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations);
        var other = DisagreementChart.Render(ChartSamples.Numeric("335", "1,100"), ChartSamples.Citations);

        Assert.NotEqual(chart, other);
    }

    [Fact]
    public void A_disagreement_without_numbers_has_no_chart()
    {
        Assert.Null(DisagreementChart.Render(ChartSamples.Attribute(), ChartSamples.Citations));
    }

    [Fact]
    public void One_number_is_not_a_chart()
    {
        Assert.Null(DisagreementChart.Render(ChartSamples.Numeric("335", "hundreds"), ChartSamples.Citations));
    }

    [Fact]
    public void Ranges_and_bounds_are_drawn()
    {
        Assert.NotNull(DisagreementChart.Render(ChartSamples.Numeric("35–40", "≥ 2000"), ChartSamples.Citations));
    }

    [Fact]
    public void An_answer_gives_its_first_drawable_disagreement()
    {
        var answer = new Answer("q", AnswerStatus.Answered, null, ChartSamples.Citations, [ChartSamples.Attribute(), ChartSamples.Numeric()], 0);
        var without = answer with { Disagreements = [ChartSamples.Attribute()] };

        Assert.Equal(DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations), DisagreementChart.RenderFirst(answer));
        Assert.Null(DisagreementChart.RenderFirst(without));
    }

    [Fact]
    public void Rendering_time_is_reported()
    {
        DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations);
        const int runs = 20;
        var watch = Stopwatch.StartNew();
        byte[]? png = null;
        for (var i = 0; i < runs; i++)
        {
            png = DisagreementChart.Render(ChartSamples.Numeric(), ChartSamples.Citations);
        }

        watch.Stop();
        output.WriteLine($"chart render: {watch.Elapsed.TotalMilliseconds / runs:F2} ms each (mean of {runs}, warm), {png!.Length} bytes");
        Assert.NotNull(png);
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 12;
}
