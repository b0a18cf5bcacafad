namespace HonchoBot.Charts.Tests;

public sealed class ChartFigureTests
{
    [Theory]
    [InlineData("792", 792, 792)]
    [InlineData("1,100", 1100, 1100)]
    [InlineData("35–40", 35, 40)]
    [InlineData("19 to 23", 19, 23)]
    [InlineData("≥ 2000", 2000, 2000)]
    [InlineData("about 40,000", 40000, 40000)]
    [InlineData("more than 40,000", 40000, 40000)]
    [InlineData("72,000 ± 500", 72000, 72000)]
    [InlineData("about 8:1", 8, 8)]
    [InlineData("2.5", 2.5, 2.5)]
    public void Numbers_are_read(string value, double low, double high)
    {
        var figure = ChartFigure.TryParse(value);

        Assert.NotNull(figure);
        Assert.Equal(low, figure.Low);
        Assert.Equal(high, figure.High);
        Assert.Equal(value, figure.Label);
    }

    [Theory]
    [InlineData("hundreds")]
    [InlineData("North Korean")]
    [InlineData("324 division")]
    [InlineData("12 November 1952")]
    [InlineData("40–35")]
    [InlineData("")]
    public void Other_values_are_not_numbers(string value)
    {
        Assert.Null(ChartFigure.TryParse(value));
    }
}
