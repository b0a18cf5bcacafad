namespace HonchoBot.Charts.Tests;

public sealed class ShortTitleTests
{
    [Theory]
    [InlineData("A Cold War Secret: Graves discovered of Russian pilots", "A Cold War Secret")]
    [InlineData("Soviet Casualties During the Korean War (1950-1953)", "Soviet Casualties During…")]
    [InlineData("MiG Alley", "MiG Alley")]
    public void Titles_are_cut_to_fit_under_a_bar(string title, string expected)
    {
        var shortTitle = ShortTitle.Of(title);

        Assert.Equal(expected, shortTitle);
        Assert.True(shortTitle.Length <= ShortTitle.MaxLength);
    }
}
