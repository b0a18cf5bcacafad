using ScottPlot;
using SkiaSharp;

namespace HonchoBot.Charts;

/// <summary>
/// Gives ScottPlot the typeface embedded in this assembly (DejaVu Sans, Fonts/DejaVuSans-LICENSE.txt) for
/// <see cref="FontName"/>, so charts have text without system fonts (the Linux natives carry no fontconfig) and the
/// same bytes on every machine.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FontName = "HonchoBot Chart Sans";

    private static readonly Lazy<SKTypeface> Typeface = new(Load);
    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Adds the resolver to ScottPlot's process-wide list once.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!registered)
            {
                Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
                registered = true;
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, FontName, StringComparison.Ordinal) ? Typeface.Value : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, FontName, StringComparison.Ordinal) ? Typeface.Value : null;

    private static SKTypeface Load()
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream("HonchoBot.Charts.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The chart font is not embedded in HonchoBot.Charts.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The embedded chart font could not be read.");
    }
}
