using System.Net;
using System.Text.RegularExpressions;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>One server over a small corpus for all the page specs: the pages only read, and starting is the slow part.</summary>
public sealed class PassagePagesServer : IAsyncLifetime
{
    public const string Id = "hostile-source";
    public const string LongId = "long-paragraphs";
    public const string Script = "<script>alert(1)</script>";
    public const string Breakout = "\"><img src=x onerror=alert(1)>";

    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("The regiment flew patrols along the Yalu river from the airfield at Antung every morning.", 4));

    private string _corpus = null!;

    internal RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _corpus = Path.Combine(Path.GetTempPath(), "honcho-hostile-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_corpus);
        await File.WriteAllTextAsync(Path.Combine(_corpus, Id + ".md"), $"""
            ---
            id: {Id}
            title: '{Script} & {Breakout.Replace("'", "''", StringComparison.Ordinal)} title'
            publisher: 'Evil & Co <b>bold</b>'
            published: '1952'
            notes: 'Partisan {Script} notes'
            ---
            First paragraph opens with {Script} and then carries on. {Filler}

            Second paragraph tries to break out {Breakout} of an attribute, and Smith & Jones wrote it. {Filler}

            Third paragraph is plain and ends the source. {Filler}
            """);

        // The second paragraph is over 200 words: the chunker splits it across passages.
        var sentences = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sortie {i} left the airfield at dawn and came back before noon."));
        await File.WriteAllTextAsync(Path.Combine(_corpus, LongId + ".md"), $"""
            ---
            id: {LongId}
            title: 'Long paragraphs'
            ---
            A short opening paragraph about the regiment, which flew from Antung. {Filler}

            {sentences}

            A closing paragraph about the end of the war. {Filler}
            """);
        Server = await RunningServer.StartAsync(_corpus);
        await Server.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }
}

/// <summary>
/// The passage pages (<c>/</c>, <c>/sources</c>, <c>/sources/{id}</c>, the permalink): hostile source text is
/// HTML-encoded everywhere, the permalink opens the source at exactly the cited passage, each paragraph has one
/// anchor, hidden sources are not shown, and odd ids are 404s.
/// </summary>
public sealed partial class PassagePagesTests(PassagePagesServer fixture) : IClassFixture<PassagePagesServer>
{
    private const string Id = PassagePagesServer.Id;
    private const string LongId = PassagePagesServer.LongId;
    private const string Script = PassagePagesServer.Script;
    private const string Breakout = PassagePagesServer.Breakout;

    private RunningServer Server => fixture.Server;

    private async Task<string> GetHtmlAsync(string path)
    {
        using var response = await Server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page shows the hostile strings as text (they decode back) but never as markup.</summary>
    private static void AssertEncoded(string html, params string[] shownAsText)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" & ", html, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(html);
        foreach (var shown in shownAsText)
        {
            Assert.Contains(shown, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_library_page_encodes_hostile_titles_and_publishers_and_links_the_source()
    {
        var html = await GetHtmlAsync("/sources");

        AssertEncoded(html, Script, Breakout, "Evil & Co <b>bold</b>");
        Assert.Contains($"href=\"/sources/{Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_source_page_encodes_hostile_passage_text_and_highlights_nothing()
    {
        var html = await GetHtmlAsync($"/sources/{Id}");

        AssertEncoded(html, Script, Breakout, "Smith & Jones wrote it", "Evil & Co <b>bold</b>");
        Assert.DoesNotContain("class=\"cited\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<aside", html, StringComparison.Ordinal);
        Assert.True(Sections(html).Count >= 3, "three paragraphs of 40+ words are three passages");
    }

    [Fact]
    public async Task The_permalink_marks_exactly_the_cited_passage_and_no_other()
    {
        var ordinals = Sections(await GetHtmlAsync($"/sources/{Id}")).Select(s => s.Ordinal).ToList();
        Assert.True(ordinals.Count >= 3, "three passages expected");

        foreach (var ordinal in ordinals)
        {
            var html = await GetHtmlAsync($"/sources/{Id}/passages/{ordinal}");
            AssertEncoded(html, Script, Breakout);

            var sections = Sections(html);
            var cited = Assert.Single(sections, s => s.IsCited);
            Assert.Equal(ordinal, cited.Ordinal);
            Assert.Contains("<mark>", cited.Html, StringComparison.Ordinal);
            Assert.All(sections.Where(s => !s.IsCited), s => Assert.DoesNotContain("<mark>", s.Html, StringComparison.Ordinal));
            Assert.Equal(CountOf(cited.Html, "<mark>"), CountOf(html, "<mark>"));

            // The source's notes sit beside the cited passage, encoded like everything else.
            Assert.Contains("<aside class=\"notes\">", cited.Html, StringComparison.Ordinal);
            Assert.Contains($"Partisan {Script} notes", WebUtility.HtmlDecode(cited.Html), StringComparison.Ordinal);
        }

        // The second passage is the one with the attribute break-out: its highlight holds it, encoded.
        var second = Sections(await GetHtmlAsync($"/sources/{Id}/passages/{ordinals[1]}")).Single(s => s.IsCited);
        Assert.Contains(Breakout, WebUtility.HtmlDecode(second.Html), StringComparison.Ordinal);
        Assert.DoesNotContain(Breakout, second.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paragraph_split_across_passages_has_one_label_and_one_anchor()
    {
        var html = await GetHtmlAsync($"/sources/{LongId}");

        var sections = Sections(html);
        Assert.Contains(sections, s => s.Html.Contains("class=\"cont\"", StringComparison.Ordinal)); // the split paragraph goes on
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.Equal(1, CountOf(html, $"id=\"p-{n}\""));
            Assert.Equal(1, CountOf(WebUtility.HtmlDecode(html), $">¶{n}</a>"));
        }
    }

    [Fact]
    public async Task The_permalink_opens_the_source_page_at_the_cited_passage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.Client.BaseAddress };

        using var response = await client.GetAsync($"/sources/{Id}/passages/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sources/{Id}?passage=1#passage-1", response.Headers.Location!.OriginalString);
        var cited = Assert.Single(Sections(await GetHtmlAsync($"/sources/{Id}?passage=1")), s => s.IsCited);
        Assert.Equal(1, cited.Ordinal);
    }

    [Fact]
    public async Task A_hidden_source_is_neither_listed_nor_served()
    {
        var hidden = Server.Services.GetRequiredService<HiddenSourceList>();
        hidden.Set(null, Id, hidden: true);
        try
        {
            Assert.DoesNotContain($"href=\"/sources/{Id}\"", await GetHtmlAsync("/sources"), StringComparison.Ordinal);
            foreach (var path in new[] { $"/sources/{Id}", $"/sources/{Id}/passages/1", $"/sources/{Id}?passage=1" })
            {
                using var response = await Server.Client.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }

            Assert.Contains($"href=\"/sources/{LongId}\"", await GetHtmlAsync("/sources"), StringComparison.Ordinal);
        }
        finally
        {
            hidden.Set(null, Id, hidden: false);
        }
    }

    [Fact]
    public async Task The_home_page_is_a_page_that_links_to_the_library()
    {
        var html = await GetHtmlAsync("/");

        Assert.Contains("<h1>HonchoBot</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sources\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sources/no-such-source")]
    [InlineData("/sources/no-such-source/passages/1")]
    [InlineData("/sources/Hostile-Source")]
    [InlineData("/sources/..%2Fetc")]
    [InlineData("/sources/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/sources/..%2Fetc/passages/1")]
    [InlineData("/sources/%2E%2E%2Fetc")]
    [InlineData("/sources/hostile-source%2F..%2F..%2Fetc")]
    [InlineData("/sources/hostile-source/passages/999")]
    [InlineData("/sources/hostile-source/passages/-1")]
    [InlineData("/sources/hostile-source?passage=999")]
    [InlineData("/sources/hostile-source/passages/99999999999")]
    public async Task Unknown_or_path_like_ids_are_404(string path)
    {
        using var response = await Server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("etc/passwd", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    private sealed record Section(int Ordinal, bool IsCited, string Html);

    private static List<Section> Sections(string html) =>
        SectionPattern().Matches(html)
            .Select(m => new Section(int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["cited"].Success, m.Value))
            .ToList();

    private static int CountOf(string text, string what) => Regex.Count(text, Regex.Escape(what));

    [GeneratedRegex("<section id=\"passage-(?<n>\\d+)\"(?<cited> class=\"cited\")?[^>]*>.*?</section>", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();
}
