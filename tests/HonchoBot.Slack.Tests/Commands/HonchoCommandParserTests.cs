using HonchoBot.Slack.Commands;

namespace HonchoBot.Slack.Tests.Commands;

public sealed class HonchoCommandParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("HELP")]
    public void Parse_EmptyOrHelp_IsHelp(string text) => Assert.IsType<HonchoCommand.Help>(HonchoCommandParser.Parse(text));

    [Fact]
    public void Parse_Ask_KeepsTheQuestionUnescaped() =>
        Assert.Equal(new HonchoCommand.Ask("did MiGs & Sabres meet > 100 times?"),
            HonchoCommandParser.Parse("ask did MiGs &amp; Sabres meet &gt; 100 times?"));

    [Fact]
    public void Parse_Fact_IsFact() =>
        Assert.Equal(new HonchoCommand.Fact("who were the honchos"), HonchoCommandParser.Parse("fact who were the honchos"));

    [Fact]
    public void Parse_AnythingElse_IsAQuestion() =>
        Assert.Equal(new HonchoCommand.Ask("how many MiGs were lost"), HonchoCommandParser.Parse("how many MiGs were lost"));

    [Theory]
    [InlineData("sources", 1)]
    [InlineData("sources 3", 3)]
    [InlineData("source list", 1)]
    [InlineData("source list 2", 2)]
    public void Parse_SourcesAndSourceList_ArePages(string text, int page) =>
        Assert.Equal(new HonchoCommand.Sources(page), HonchoCommandParser.Parse(text));

    [Theory]
    [InlineData("source add <https://example.org/mig-alley>", "https://example.org/mig-alley")]
    [InlineData("source add <https://example.org/mig-alley|example.org/mig-alley>", "https://example.org/mig-alley")]
    [InlineData("source add https://example.org/a", "https://example.org/a")]
    public void Parse_SourceAdd_UnwrapsSlackLinks(string text, string url) =>
        Assert.Equal(new HonchoCommand.SourceAdd(url), HonchoCommandParser.Parse(text));

    [Fact]
    public void Parse_SourceAddWithoutUrl_OpensTheModal() =>
        Assert.Equal(new HonchoCommand.SourceAdd(null), HonchoCommandParser.Parse("source add"));

    [Fact]
    public void Parse_SourceRemoveHideUnhide_TakeAnId()
    {
        Assert.Equal(new HonchoCommand.SourceRemove("mig-notes"), HonchoCommandParser.Parse("source remove mig-notes"));
        Assert.Equal(new HonchoCommand.SourceHide("sangha-kommune-soviet-casualties"), HonchoCommandParser.Parse("source hide sangha-kommune-soviet-casualties"));
        Assert.Equal(new HonchoCommand.SourceUnhide("x"), HonchoCommandParser.Parse("source unhide x extra"));
        Assert.IsType<HonchoCommand.SourceAudit>(HonchoCommandParser.Parse("source audit"));
    }

    [Theory]
    [InlineData("gaps", 30)]
    [InlineData("GAPS 7", 7)]
    [InlineData("gaps 3650", 3650)]
    public void Parse_Gaps_TakesAnOptionalNumberOfDays(string text, int days) =>
        Assert.Equal(new HonchoCommand.Gaps(days), HonchoCommandParser.Parse(text));

    [Theory]
    [InlineData("gaps 0")]
    [InlineData("gaps 3651")]
    [InlineData("gaps lately")]
    public void Parse_GapsWithABadNumber_IsUsage(string text) =>
        Assert.IsType<HonchoCommand.Usage>(HonchoCommandParser.Parse(text));

    [Theory]
    [InlineData("source remove")]
    [InlineData("source frobnicate x")]
    [InlineData("sources minus-one")]
    [InlineData("ask")]
    [InlineData("fact   ")]
    public void Parse_Malformed_IsUsage(string text) => Assert.IsType<HonchoCommand.Usage>(HonchoCommandParser.Parse(text));
}
