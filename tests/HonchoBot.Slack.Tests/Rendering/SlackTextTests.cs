using HonchoBot.Slack.Rendering;

namespace HonchoBot.Slack.Tests.Rendering;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("“MiG Alley” — 班長", "“MiG Alley” — 班長")]
    public void Escape_ReplacesOnlyAmpersandAndAngleBrackets(string input, string expected) =>
        Assert.Equal(expected, SlackText.Escape(input));

    [Fact]
    public void Unescape_ReversesEscape() =>
        Assert.Equal("a < b & c > d &lt;", SlackText.Unescape(SlackText.Escape("a < b & c > d &lt;")));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Link_NonHttpUrl_IsPlainEscapedLabel(string? url) =>
        Assert.Equal("A &amp; B", SlackText.Link(url, "A & B"));

    [Fact]
    public void Fit_NeverCutsAnEntityInHalf()
    {
        var text = new string('a', 95) + "&amp;&amp;";
        var fitted = SlackText.Fit(text, 100);
        Assert.True(fitted.Length <= 100);
        Assert.DoesNotContain("&am…", fitted, StringComparison.Ordinal);
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
    }
}
