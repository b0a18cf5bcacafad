using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HonchoBot.Host.Tests.Serve.Web;

/// <summary>
/// The web pages <c>/</c> and <c>/ask</c>: the question form, the answer with numbered citations that link to the
/// passage pages, the perspective notes, the "sources disagree" block and its chart, everything HTML-encoded.
/// The pages are parsed as XML, so they must stay well-formed.
/// </summary>
public sealed partial class AskPagesTests(AskPagesServer fixture) : IClassFixture<AskPagesServer>
{
    private const string Claimed = "How many MiG-15s did the Sabre pilots claim?";
    private const string Losses = "How many planes did the Soviet air force lose?";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private RunningServer Server => fixture.Server;

    internal static async Task<(HttpStatusCode Status, XElement Page, HttpResponseMessage Response)> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var page = XElement.Parse(html["<!doctype html>".Length..]);
        return (response.StatusCode, page, response);
    }

    private static string Ask(string question) => "/ask?q=" + Uri.EscapeDataString(question);

    private static IEnumerable<XElement> WithClass(XElement page, string name, string cssClass) =>
        page.Descendants(name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static void AssertQuestionForm(XElement page, string value)
    {
        var form = Assert.Single(page.Descendants("form"));
        Assert.Equal("/ask", (string?)form.Attribute("action"));
        Assert.Equal("get", (string?)form.Attribute("method"));
        var input = Assert.Single(form.Descendants("input"));
        Assert.Equal("q", (string?)input.Attribute("name"));
        Assert.Equal(value, (string?)input.Attribute("value"));
    }

    [Fact]
    public async Task The_home_page_has_the_question_form_and_the_library_link()
    {
        var (status, page, _) = await GetPageAsync(Server.Client, "/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("HonchoBot", page.Descendants("h1").Single().Value);
        AssertQuestionForm(page, "");
        Assert.Contains(page.Descendants("a"), a => (string?)a.Attribute("href") == "/sources");
    }

    [Fact]
    public async Task The_answer_page_shows_the_excerpts_with_numbered_citations_linking_to_their_passages()
    {
        var (status, page, response) = await GetPageAsync(Server.Client, Ask(Claimed));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("792", page.Value, StringComparison.Ordinal);
        AssertQuestionForm(page, Claimed);
        var citations = WithClass(page, "section", "citation").ToList();
        Assert.NotEmpty(citations);
        for (var i = 0; i < citations.Count; i++)
        {
            var n = i + 1;
            Assert.Equal($"c{n}", (string?)citations[i].Attribute("id"));
            var cite = WithClass(citations[i], "a", "cite").Single();
            Assert.Equal($"[{n}]", cite.Value);
            Assert.Matches(PassageHref(), (string?)cite.Attribute("href"));
        }

        // The perspective notes of the source travel with its excerpt.
        Assert.Contains(citations, c => c.Descendants("aside").Any(a => a.Value.Contains("About this source", StringComparison.Ordinal)));
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_citation_link_opens_the_cited_passage_page()
    {
        var (_, page, _) = await GetPageAsync(Server.Client, Ask(Claimed));
        var href = (string)WithClass(page, "a", "cite").First().Attribute("href")!;
        var excerpt = WithClass(page, "section", "citation").First().Descendants("blockquote").Single().Value;

        var (status, passagePage, _) = await GetPageAsync(Server.Client, href);

        Assert.Equal(HttpStatusCode.OK, status);
        var cited = WithClass(passagePage, "section", "cited").Single();
        var firstSentence = excerpt.Split(". ")[0];
        Assert.Contains(firstSentence, string.Join(' ', cited.Descendants("mark").Select(m => m.Value)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Claimed)]
    [InlineData(Losses)]
    public async Task A_numeric_disagreement_is_shown_with_both_figures_and_its_chart_inline(string question)
    {
        var (status, page, _) = await GetPageAsync(Server.Client, Ask(question));

        Assert.Equal(HttpStatusCode.OK, status);
        var block = WithClass(page, "section", "disagreement").Single();
        Assert.Equal("Sources disagree", block.Descendants("h2").Single().Value);
        var claims = block.Descendants("li").ToList();
        Assert.True(claims.Count >= 2, "one line per side");
        Assert.All(claims, c => Assert.Matches(@"^#c\d$", (string?)c.Descendants("a").First().Attribute("href")));
        var figures = claims.Select(c => c.Descendants("strong").Single().Value).ToList();
        Assert.Equal(figures.Count, figures.Distinct().Count());

        var chart = block.Descendants("img").Single();
        var src = (string)chart.Attribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
        var png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
        Assert.Equal(PngSignature, png.Take(8));
        Assert.All(figures, f => Assert.Contains(f, (string?)chart.Attribute("alt"), StringComparison.Ordinal));
        Assert.Contains("792", figures);
    }

    [Fact]
    public async Task An_answer_without_a_disagreement_has_no_disagreement_block_and_no_chart()
    {
        var (_, page, _) = await GetPageAsync(Server.Client, Ask("Where were the Soviet pilots buried?"));

        Assert.Empty(WithClass(page, "section", "disagreement"));
        Assert.Empty(page.Descendants("img"));
    }

    [Fact]
    public async Task Hostile_question_text_is_encoded_and_an_empty_question_is_a_400_page_with_the_form()
    {
        const string Hostile = "\"><script>alert(1)</script> & <b>bold</b>";

        var (hostileStatus, hostilePage, _) = await GetPageAsync(Server.Client, Ask(Hostile));
        var (emptyStatus, emptyPage, emptyResponse) = await GetPageAsync(Server.Client, "/ask?q=");

        Assert.Equal(HttpStatusCode.OK, hostileStatus);
        AssertQuestionForm(hostilePage, Hostile);
        Assert.Empty(hostilePage.Descendants("b"));
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        AssertQuestionForm(emptyPage, "");
        Assert.Contains("Ask me a question", WithClass(emptyPage, "p", "message").Single().Value, StringComparison.Ordinal);
        Assert.Equal("no-store", emptyResponse.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_pages_follow_the_reader_s_light_or_dark_theme()
    {
        var (_, page, _) = await GetPageAsync(Server.Client, Ask(Claimed));

        var css = page.Descendants("style").Single().Value;
        Assert.Contains("color-scheme: light dark", css, StringComparison.Ordinal);
        Assert.Contains("@media (prefers-color-scheme: dark)", css, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/sources/[a-z0-9-]+/passages/\d+$")]
    private static partial Regex PassageHref();
}
