using System.Text;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Sources;

/// <summary>Adding sources through the registry: every format, every refusal, each with its audit entry.</summary>
public sealed class SourceRegistryAddTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RegistryHarness _harness = RegistryHarness.Create(maxBytes: 64 * 1024);

    public void Dispose() => _harness.Dispose();

    private static SourceAddRequest Text(string text, string? title = null) => new(new SourceInput.FromText(text), new SourceMetadata(Title: title));

    private static SourceAddRequest File(string name, byte[] bytes, SourceMetadata? metadata = null) => new(new SourceInput.FromFile(name, bytes), metadata ?? new SourceMetadata());

    private string[] SourceFiles() => Directory.Exists(_harness.SourcesPath) ? Directory.GetFiles(_harness.SourcesPath, "*.md") : [];

    private async Task AssertAuditAsync(string action, string outcome, string? sourceId, string detailContains)
    {
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(action, entry.Action);
        Assert.Equal(outcome, entry.Outcome);
        Assert.Equal(sourceId, entry.SourceId);
        Assert.Contains(detailContains, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_pasted_text_stores_it_durably_indexes_it_and_makes_it_answerable_in_its_community()
    {
        var moderator = RegistryHarness.Moderator("discord:100");

        var result = await _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse, "The Keeper's Storm Log"), moderator, None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("the-keeper-s-storm-log", result.Source!.Id);
        Assert.Equal($"Added \"The Keeper's Storm Log\" as the-keeper-s-storm-log ({result.Source.Passages} passage{(result.Source.Passages == 1 ? "" : "s")}).", result.Message);
        Assert.True(result.Source.Passages >= 1);

        var path = Path.Combine(_harness.SourcesPath, "the-keeper-s-storm-log.md");
        var parsed = SourceFileFormat.Parse(await System.IO.File.ReadAllBytesAsync(path), "the-keeper-s-storm-log.md", isShipped: false);
        Assert.Null(parsed.Error);
        Assert.Equal("discord:u-mod (Mod u-mod)", parsed.Document!.Info.AddedBy);
        Assert.Equal("discord:100", parsed.Document.Info.CommunityId);
        Assert.Equal(RegistryHarness.Start, parsed.Document.Info.AddedAt);
        Assert.Equal(3, parsed.Document.Blocks.Count);
        Assert.Contains("the-keeper-s-storm-log", _harness.IndexHost.Require().IndexedSources.Keys);

        var answer = await _harness.AskAsync(TestDocuments.LighthouseQuestion, "discord:100");
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal("the-keeper-s-storm-log", answer.Citations[0].SourceId);
        Assert.Contains("412 severe storms", answer.Citations[0].Excerpt, StringComparison.Ordinal);

        var elsewhere = await _harness.AskAsync(TestDocuments.LighthouseQuestion, "discord:200");
        Assert.DoesNotContain(elsewhere.Citations, c => c.SourceId == "the-keeper-s-storm-log");

        await AssertAuditAsync("add", "done", "the-keeper-s-storm-log", "text (");
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("discord", "u-mod", "discord:100", "chan-1"), (entry.Platform, entry.UserId, entry.CommunityId, entry.ChannelId));
    }

    [Fact]
    public async Task A_source_added_from_the_cli_is_global_and_marked_as_added_by_the_os_user()
    {
        var result = await _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("The Skerryvore lighthouse keeper Marguerite Oyelaran kept a weather log for thirty-seven years", result.Source!.Title);
        Assert.Equal("cli:alice", result.Source.AddedBy);
        Assert.Null(result.Source.CommunityId);
        Assert.Equal(AnswerStatus.Answered, (await _harness.AskAsync(TestDocuments.LighthouseQuestion)).Status);
        Assert.Equal(AnswerStatus.Answered, (await _harness.AskAsync(TestDocuments.LighthouseQuestion, "slack:T1")).Status);
    }

    [Fact]
    public async Task A_markdown_upload_whose_front_matter_id_is_not_an_id_is_refused_and_nothing_is_written()
    {
        // The fixture's front matter says id: ../../etc/passwd and community: discord:999.
        var bytes = await System.IO.File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "with-front-matter.md"));

        var result = await _harness.Registry.AddAsync(File("notes.md", bytes), RegistryHarness.Moderator("discord:100"), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal("\"../../etc/passwd\" is not a source id: use lowercase letters, digits and single dashes (at most 80 characters).", result.Message);
        Assert.Empty(SourceFiles());
        await AssertAuditAsync("add", "invalid", null, "is not a source id");
    }

    [Fact]
    public async Task A_markdown_upload_keeps_its_front_matter_id_and_metadata_but_never_its_community()
    {
        var bytes = Encoding.UTF8.GetBytes($"""
            ---
            id: yalu-supply-routes
            title: "Supply Routes Across the Yalu"
            publisher: "Harbour Press"
            community: "discord:999"
            ---
            {TestDocuments.Lighthouse}
            """);

        var result = await _harness.Registry.AddAsync(File("notes.md", bytes), RegistryHarness.Moderator("discord:100"), None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("yalu-supply-routes", result.Source!.Id);
        Assert.Equal("Harbour Press", result.Source.Publisher);
        Assert.Equal("discord:100", result.Source.CommunityId);
        Assert.Equal(["yalu-supply-routes.md"], SourceFiles().Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_id_given_with_the_source_wins_and_a_taken_or_malformed_one_is_refused()
    {
        var given = await _harness.Registry.AddAsync(new(new SourceInput.FromText(TestDocuments.Lighthouse), new SourceMetadata(Title: "Storm log", Id: "keeper-log")), Requester.Cli("alice"), None);
        var taken = await _harness.Registry.AddAsync(new(new SourceInput.FromText(TestDocuments.Topic(2)), new SourceMetadata(Title: "Orchard", Id: "keeper-log")), Requester.Cli("alice"), None);
        var shipped = await _harness.Registry.AddAsync(new(new SourceInput.FromText(TestDocuments.Topic(3)), new SourceMetadata(Title: "Orchard", Id: "milwaukee-independent-mig-graves")), Requester.Cli("alice"), None);
        var malformed = await _harness.Registry.AddAsync(new(new SourceInput.FromText(TestDocuments.Topic(4)), new SourceMetadata(Title: "Orchard", Id: "Keeper Log")), Requester.Cli("alice"), None);

        Assert.Equal("keeper-log", given.Source!.Id);
        Assert.Equal((SourceOutcome.Invalid, "The id keeper-log is already in use; choose another."), (taken.Outcome, taken.Message));
        Assert.Equal(SourceOutcome.Invalid, shipped.Outcome);
        Assert.Equal(SourceOutcome.Invalid, malformed.Outcome);
        Assert.Equal(["keeper-log.md"], SourceFiles().Select(Path.GetFileName));
    }

    [Fact]
    public async Task Hostile_metadata_is_added_or_refused_as_invalid_but_never_fails()
    {
        string[] hostile = ["\0", "\uFEFF", "\uD800", "\u202Eevil", "\r\nX-Injected: 1", "---", "title: \"x\"\n---\nbody", "%00"];
        for (var i = 0; i < hostile.Length; i++)
        {
            var h = hostile[i];
            var result = await _harness.Registry.AddAsync(
                new(new SourceInput.FromText(TestDocuments.Topic(i + 1)), new SourceMetadata(Title: h, Author: h, Publisher: h, Notes: h)),
                Requester.Cli("alice"),
                None);

            Assert.True(result.Outcome is SourceOutcome.Done or SourceOutcome.Invalid, $"{h}: {result.Outcome}: {result.Message}");
        }
    }

    [Fact]
    public async Task An_html_upload_is_added_with_its_article_text_and_title()
    {
        var bytes = await System.IO.File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "article.html"));

        var result = await _harness.Registry.AddAsync(File("page.html", bytes), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("night-fighters-over-sinuiju", result.Source!.Id);
        var stored = await System.IO.File.ReadAllTextAsync(Path.Combine(_harness.SourcesPath, "night-fighters-over-sinuiju.md"));
        Assert.DoesNotContain("MUST-NOT-APPEAR", stored, StringComparison.Ordinal);
        Assert.Contains("searchlight crews", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_1252_text_file_is_stored_as_utf8_with_its_punctuation()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("The harbourmaster"), 0x92, .. Encoding.ASCII.GetBytes("s ledger lists 86 colliers "), 0x96, .. Encoding.ASCII.GetBytes(" and one caf"), 0xE9, .. Encoding.ASCII.GetBytes(" barge.")];

        var result = await _harness.Registry.AddAsync(File("ledger.txt", bytes, new SourceMetadata(Title: "Harbour ledger")), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        var stored = await System.IO.File.ReadAllTextAsync(Path.Combine(_harness.SourcesPath, "harbour-ledger.md"), Encoding.UTF8);
        Assert.Contains("The harbourmaster’s ledger lists 86 colliers – and one café barge.", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_upload_is_cited_with_its_page_number()
    {
        var pdf = TestDocuments.Pdf(
            [
                ["The quartermaster's annual report describes the depot buildings and the roads between them in some detail."],
                ["On the second page the quartermaster Tobias Renwick counted 318 spare drop tanks stacked behind the hangars at Tatungkou."],
            ],
            title: "Depot Report");

        var result = await _harness.Registry.AddAsync(File("report.pdf", pdf), Requester.Cli("alice"), None);
        var answer = await _harness.AskAsync("How many spare drop tanks did Tobias Renwick count?");

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("depot-report", result.Source!.Id);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal("p. 2", answer.Citations[0].Location);
        Assert.Contains("<!-- page 2 -->", await System.IO.File.ReadAllTextAsync(Path.Combine(_harness.SourcesPath, "depot-report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encrypted_pdf_is_refused_and_audited()
    {
        var result = await _harness.Registry.AddAsync(File("secret.pdf", TestDocuments.EncryptedPdf()), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal("The PDF is encrypted; add an unencrypted copy.", result.Message);
        Assert.Empty(SourceFiles());
        await AssertAuditAsync("add", "invalid", null, "file secret.pdf");
    }

    [Fact]
    public async Task A_broken_pdf_is_refused_and_audited()
    {
        var pdf = TestDocuments.Pdf([["Some text that will be cut off."]]);
        var result = await _harness.Registry.AddAsync(File("broken.pdf", pdf[..(pdf.Length / 3)]), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Contains("PDF", result.Message, StringComparison.Ordinal);
        Assert.Empty(SourceFiles());
        await AssertAuditAsync("add", "invalid", null, "file broken.pdf");
    }

    [Fact]
    public async Task An_html_page_without_article_text_is_refused_and_audited()
    {
        var html = "<html><head><title>Menu only</title><script>var a = 1;</script></head><body><nav>Home | About</nav><form><textarea>Leave a comment</textarea></form></body></html>";

        var result = await _harness.Registry.AddAsync(File("menu.html", Encoding.UTF8.GetBytes(html)), RegistryHarness.Moderator(), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal("The page has no article text.", result.Message);
        Assert.Empty(SourceFiles());
        await AssertAuditAsync("add", "invalid", null, "file menu.html");
    }

    [Fact]
    public async Task An_unknown_file_type_is_refused_and_audited()
    {
        var result = await _harness.Registry.AddAsync(File("tool.exe", [0x4D, 0x5A, 0x90]), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal("Unknown file type; add .txt, .md, .html and .pdf files.", result.Message);
        await AssertAuditAsync("add", "invalid", null, "file tool.exe (3 bytes): Unknown file type");
    }

    [Fact]
    public async Task Empty_text_is_refused_and_audited()
    {
        var result = await _harness.Registry.AddAsync(Text(" \n\n "), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal("The text is empty.", result.Message);
        await AssertAuditAsync("add", "invalid", null, "The text is empty.");
    }

    [Fact]
    public async Task An_oversize_file_is_refused_and_audited()
    {
        var result = await _harness.Registry.AddAsync(File("huge.txt", new byte[(64 * 1024) + 1]), RegistryHarness.Moderator(), None);

        Assert.Equal(SourceOutcome.TooLarge, result.Outcome);
        Assert.Equal("The file is 65,537 bytes; the limit is 65,536.", result.Message);
        Assert.Empty(SourceFiles());
        await AssertAuditAsync("add", "too_large", null, "file huge.txt (65,537 bytes)");
    }

    [Fact]
    public async Task Oversize_pasted_text_is_refused_and_audited()
    {
        var result = await _harness.Registry.AddAsync(Text(new string('w', (64 * 1024) + 10)), RegistryHarness.Moderator(), None);

        Assert.Equal(SourceOutcome.TooLarge, result.Outcome);
        Assert.Equal("The text is longer than the 65,536-byte limit.", result.Message);
        await AssertAuditAsync("add", "too_large", null, "text (65,546 characters)");
    }

    [Theory]
    [InlineData("2021-13", null, "The published date must be YYYY, YYYY-MM or YYYY-MM-DD.")]
    [InlineData("last spring", null, "The published date must be YYYY, YYYY-MM or YYYY-MM-DD.")]
    [InlineData(null, "javascript:alert(1)", "The url must be an absolute http:// or https:// address.")]
    [InlineData(null, "/relative", "The url must be an absolute http:// or https:// address.")]
    public async Task Bad_metadata_is_refused_and_audited(string? published, string? url, string message)
    {
        var request = new SourceAddRequest(new SourceInput.FromText(TestDocuments.Lighthouse), new SourceMetadata(Title: "Log", Published: published, Url: url));

        var result = await _harness.Registry.AddAsync(request, Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal(message, result.Message);
        Assert.Empty(SourceFiles());
        await AssertAuditAsync("add", "invalid", null, message);
    }

    [Fact]
    public async Task A_title_that_looks_like_a_path_becomes_a_slug_inside_the_sources_directory()
    {
        var result = await _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse, "../../etc/passwd"), Requester.Cli("alice"), None);

        Assert.Equal("etc-passwd", result.Source!.Id);
        Assert.Equal([Path.Combine(_harness.SourcesPath, "etc-passwd.md")], SourceFiles());
        Assert.False(System.IO.File.Exists(Path.Combine(_harness.DataPath, "..", "etc", "passwd.md")));
    }

    [Fact]
    public async Task An_uploaded_file_name_is_never_used_as_a_path()
    {
        var result = await _harness.Registry.AddAsync(File("../../../outside/evil.md", Encoding.UTF8.GetBytes(TestDocuments.Lighthouse)), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal([Path.Combine(_harness.SourcesPath, result.Source!.Id + ".md")], SourceFiles());
        Assert.False(Directory.Exists(Path.Combine(_harness.DataPath, "..", "outside")));
    }

    [Fact]
    public async Task When_indexing_fails_the_file_is_taken_back_and_the_failure_is_audited()
    {
        // A broken index (disposed under the registry) makes Upsert throw after the file is written.
        _harness.IndexHost.Require().Dispose();

        var result = await _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse, "Storm log"), Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.Failed, result.Outcome);
        Assert.StartsWith("Something went wrong while adding the source (ref ", result.Message, StringComparison.Ordinal);
        Assert.Empty(SourceFiles());
        Assert.StartsWith("storm-log.", Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(_harness.SourcesPath, ".removed")))), StringComparison.Ordinal);
        await AssertAuditAsync("add", "failed", null, "Something went wrong");
    }

    [Fact]
    public async Task Two_sources_with_the_same_title_get_distinct_ids()
    {
        var first = await _harness.Registry.AddAsync(Text(TestDocuments.Topic(1), "Orchard report"), Requester.Cli("alice"), None);
        var second = await _harness.Registry.AddAsync(Text(TestDocuments.Topic(2), "Orchard report"), Requester.Cli("alice"), None);

        Assert.Equal(("orchard-report", "orchard-report-2"), (first.Source!.Id, second.Source!.Id));
    }

    [Fact]
    public async Task The_same_text_again_is_a_duplicate_even_with_other_case_spacing_and_punctuation()
    {
        var first = await _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse, "Storm log"), RegistryHarness.Moderator(), None);
        var variant = TestDocuments.Lighthouse.ToUpperInvariant().Replace(". ", " ... \n", StringComparison.Ordinal);

        var second = await _harness.Registry.AddAsync(Text(variant, "Another title"), RegistryHarness.Moderator(), None);

        Assert.Equal(SourceOutcome.Done, first.Outcome);
        Assert.Equal(SourceOutcome.Duplicate, second.Outcome);
        Assert.Equal("The same text is already in the library as storm-log (\"Storm log\").", second.Message);
        Assert.Single(SourceFiles());
        await AssertAuditAsync("add", "duplicate", null, "The same text is already in the library as storm-log");
    }

    [Fact]
    public async Task The_text_of_a_shipped_source_is_a_duplicate()
    {
        var shipped = SourceFileFormat.Parse(await System.IO.File.ReadAllBytesAsync(Path.Combine(RegistryHarness.FixtureCorpus, "sangha-kommune-soviet-casualties.md")), "s.md", true).Document!;
        var text = string.Join("\n\n", shipped.Blocks.Select(b => b.Text));

        var result = await _harness.Registry.AddAsync(Text(text), RegistryHarness.Moderator(), None);

        Assert.Equal(SourceOutcome.Duplicate, result.Outcome);
        Assert.Equal("The same text is already in the library as sangha-kommune-soviet-casualties (\"Soviet Casualties During the Korean War (1950-1953)\").", result.Message);
    }

    [Fact]
    public async Task A_url_already_in_the_library_is_a_duplicate()
    {
        var request = new SourceAddRequest(new SourceInput.FromText(TestDocuments.Lighthouse), new SourceMetadata(Title: "Copy", Url: "HTTPS://thesanghakommune.org/2017/01/20/soviet-casualties-during-the-korean-war-1950-1953#comments"));

        var result = await _harness.Registry.AddAsync(request, RegistryHarness.Moderator(), None);

        Assert.Equal(SourceOutcome.Duplicate, result.Outcome);
        Assert.Equal("That URL is already in the library as sangha-kommune-soviet-casualties (\"Soviet Casualties During the Korean War (1950-1953)\").", result.Message);
        await AssertAuditAsync("add", "duplicate", null, "That URL is already in the library");
    }

    [Fact]
    public async Task A_non_moderator_is_refused_and_audited_by_the_registry_itself()
    {
        var member = RegistryHarness.Moderator("discord:100", "u-member", isModerator: false);

        var result = await _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse), member, None);

        Assert.Equal(SourceOutcome.NotModerator, result.Outcome);
        Assert.Equal("Only moderators can add sources.", result.Message);
        Assert.Empty(SourceFiles());
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("add", "not_moderator", "u-member", "discord:100"), (entry.Action, entry.Outcome, entry.UserId, entry.CommunityId));
    }

    [Fact]
    public async Task Concurrent_adds_of_different_sources_all_land_with_distinct_ids()
    {
        var adds = Enumerable.Range(1, 6)
            .Select(n => Task.Run(() => _harness.Registry.AddAsync(Text(TestDocuments.Topic(n), "Orchard report"), Requester.Cli("alice"), None)))
            .ToList();

        var results = await Task.WhenAll(adds);

        Assert.All(results, r => Assert.Equal(SourceOutcome.Done, r.Outcome));
        var ids = results.Select(r => r.Source!.Id).ToHashSet();
        Assert.Equal(6, ids.Count);
        Assert.Equal(ids.Order(), SourceFiles().Select(f => Path.GetFileNameWithoutExtension(f)!).Order());
        Assert.Superset(ids, _harness.IndexHost.Require().IndexedSources.Keys.ToHashSet());
        var load = CorpusLoader.Load([], _harness.SourcesPath);
        Assert.Empty(load.Errors);
        Assert.Equal(6, load.Documents.Count);
        Assert.Equal(6, (await _harness.Registry.ReadAuditAsync(null, 100, None)).Count(e => e.Outcome == "done"));
    }

    [Fact]
    public async Task Concurrent_adds_of_the_same_text_store_it_once()
    {
        var adds = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => _harness.Registry.AddAsync(Text(TestDocuments.Lighthouse, "Storm log"), RegistryHarness.Moderator(), None)))
            .ToList();

        var results = await Task.WhenAll(adds);

        Assert.Single(results, r => r.Outcome == SourceOutcome.Done);
        Assert.Equal(3, results.Count(r => r.Outcome == SourceOutcome.Duplicate));
        Assert.Single(SourceFiles());
    }
}
