using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Tests.TestSupport;
using Markdig;
using Markdig.Extensions.Yaml;

namespace HonchoBot.Core.Tests.Corpus;

/// <summary>
/// Reading a corpus file takes shortcuts: Markdig parses only up to the front matter's closing fence, the
/// normaliser returns text that needs no cleaning as it is, and paragraphs are cut without splitting the text into
/// lines first. Each is held here to the plain way it replaced (written out below) on awkward generated text and on
/// the shipped corpus.
/// </summary>
public sealed class CorpusReadingEquivalenceTests
{
    private static readonly string[] FrontMatterLines =
    [
        "---", "...", "----", "--- ", "---\t", " ---", "---x", "... more", "....", "-- -", "title: T", "title: \"A: B\"",
        "id: some-id", "a: b", "list:", "  - item", "text: |", "  --- inside a block scalar", "", " ", "Body text.",
        "# Heading", "```", "<!-- page 2 -->", "- a list item", "***", "___", "key: value # comment",
    ];

    [Fact]
    public void Split_GeneratedFrontMatter_SameAsParsingTheWholeText()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 4000; i++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 9)).Select(_ => FrontMatterLines[random.Next(FrontMatterLines.Length)]);
            var text = "---\n" + string.Join('\n', lines) + (random.Next(2) == 0 ? "\n" : "");
            AssertSameSplit(text);
        }
    }

    [Theory]
    [InlineData("---\ntitle: T\n---\nBody.\n")]
    [InlineData("---\ntitle: T\n...\nBody.\n")]
    [InlineData("---\ntitle: T\n---")]
    [InlineData("---\ntitle: T\n--- \nBody.\n")]
    [InlineData("---\ntitle: T\n----\nmore: x\n---\nBody.\n")]
    [InlineData("---\ntitle: T\n---x\n---\nBody.\n")]
    [InlineData("---\n---\nBody.\n")]
    [InlineData("---\ntitle: T\nBody with no closing fence.\n")]
    [InlineData("\n\n  ---\ntitle: T\n---\nBody.\n")]
    public void Split_HandWrittenCases_SameAsParsingTheWholeText(string text) => AssertSameSplit(text);

    [Fact]
    public void Split_ShippedCorpusFiles_SameAsParsingTheWholeText()
    {
        var texts = ShippedCorpus.FileTexts();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            AssertSameSplit(TextNormalizer.Normalize(text));
        }
    }

    [Fact]
    public void Normalize_GeneratedText_SameAsCleaningEveryCharacter()
    {
        foreach (var text in RandomTexts.From("ab Z1.\n\n\t\r\u00A0\u0001\u007F\u0085\u200B\u2028ｆｉﬁ①é\u0301", seed: 7, maxLength: 24))
        {
            Assert.Equal(CleanEveryCharacter(text), TextNormalizer.Normalize(text));
        }
    }

    [Fact]
    public void Normalize_TextNeedingNothing_IsReturnedAsItIs()
    {
        var text = new StringBuilder("Plain text.\n\nA second paragraph, with a tab\tand an accent: é.").ToString();

        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void SplitParagraphs_GeneratedText_SameAsSplittingIntoLines()
    {
        foreach (var text in RandomTexts.From("ab .\n\n\n \t\u2028\u00A0x", seed: 11, maxLength: 30))
        {
            Assert.Equal(SplitIntoLines(text), TextNormalizer.SplitParagraphs(text));
        }
    }

    [Fact]
    public void SplitParagraphs_ShippedCorpus_SameAsSplittingIntoLines()
    {
        foreach (var text in ShippedCorpus.FileTexts().Select(TextNormalizer.Normalize))
        {
            Assert.Equal(SplitIntoLines(text), TextNormalizer.SplitParagraphs(text));
        }
    }

    private static void AssertSameSplit(string text)
    {
        var expected = SplitByParsingTheWholeText(text);
        var actual = MarkdownText.Split(text, skipLeadingBlankLines: true);
        Assert.True(expected == actual, $"{Show(text)}: expected {expected}, got {actual}");
    }

    private static string Show(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The split as it was: Markdig parses the whole text and its first block says where the front matter ends.</summary>
    private static MarkdownParts SplitByParsingTheWholeText(string text)
    {
        var start = text.TrimStart('\uFEFF', '\n', ' ');
        if (!start.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new MarkdownParts(FrontMatterState.None, null, start);
        }

        var document = Markdown.Parse(start, MarkdownText.Pipeline);
        if (document.Count == 0 || document[0] is not YamlFrontMatterBlock block)
        {
            var secondLineEnd = start.IndexOf('\n', 4);
            if ((secondLineEnd < 0 ? start[4..] : start[4..secondLineEnd]).TrimEnd() is "---" or "...")
            {
                return new MarkdownParts(FrontMatterState.Closed, string.Empty, secondLineEnd < 0 ? string.Empty : start[(secondLineEnd + 1)..]);
            }

            return new MarkdownParts(FrontMatterState.Unclosed, null, start);
        }

        var closingLineEnd = start.IndexOf('\n', block.Span.End);
        return new MarkdownParts(FrontMatterState.Closed, block.Lines.ToString(), closingLineEnd < 0 ? string.Empty : start[(closingLineEnd + 1)..]);
    }

    /// <summary>The normaliser as it was: NFKC, then every character through the cleaning rules.</summary>
    private static string CleanEveryCharacter(string text)
    {
        var nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder();
        for (var i = 0; i < nfkc.Length; i++)
        {
            var c = nfkc[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < nfkc.Length && nfkc[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\u00A0')
            {
                builder.Append(' ');
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Paragraphs as they were cut: the text split into lines, each trimmed, runs of lines joined.</summary>
    private static List<string> SplitIntoLines(string text)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.Length > 0)
            {
                current.Add(line);
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            paragraphs.Add(string.Join(' ', current));
        }

        return paragraphs;
    }
}
