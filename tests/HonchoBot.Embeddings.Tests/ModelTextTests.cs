namespace HonchoBot.Embeddings.Tests;

public sealed class ModelTextTests
{
    [Theory]
    [InlineData("Two\nlines\tand  spaces", "Two lines and spaces")]
    [InlineData("  padded  ", "padded")]
    [InlineData("Pepelyáyev’s “honchos” — 1951", "Pepelyayev's \"honchos\" - 1951")]
    [InlineData("", "")]
    public void Prepare_GivesTheTokenizerPlainSpacedText(string text, string expected) =>
        Assert.Equal(expected, ModelText.Prepare(text));

    [Fact]
    public void Prepare_VeryLongText_IsCut()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 5000));

        Assert.True(ModelText.Prepare(text).Length <= 4000);
    }
}
