using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HonchoBot.Core;
using HonchoBot.Core.Sources;

namespace HonchoBot.Host.Cli;

/// <summary>
/// <c>honcho sources add|remove|hide|unhide|list|show|audit</c> (README.md). Every
/// change goes through <see cref="ISourceRegistry"/>, the same path as chat, as the OS user
/// (<c>cli:&lt;user&gt;</c>, a moderator of the global library). Results go to stdout, refusals to
/// stderr with exit code 1; usage errors exit 2.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create() =>
        new("sources", "Manage and list sources") { Add(), Change("remove", "Remove an added source (kept in sources/.removed/)", (r, id, who, ct) => r.RemoveAsync(id, who, ct)), Change("hide", "Hide a source from answers", (r, id, who, ct) => r.HideAsync(id, who, ct)), Change("unhide", "Show a hidden source again", (r, id, who, ct) => r.UnhideAsync(id, who, ct)), List(), Show(), Audit() };

    private static Requester Operator() => Requester.Cli(Environment.UserName);

    private static Command Add()
    {
        var input = new Argument<string?>("input") { Description = "A file (.txt, .md, .html, .pdf), an http(s) URL, or - to read text from stdin", Arity = ArgumentArity.ZeroOrOne };
        var text = new Option<string?>("--text") { Description = "The source text itself" };
        var title = new Option<string?>("--title") { Description = "Title (default: from the document)" };
        var author = new Option<string?>("--author") { Description = "Author" };
        var publisher = new Option<string?>("--publisher") { Description = "Publisher" };
        var published = new Option<string?>("--published") { Description = "Publication date: YYYY, YYYY-MM or YYYY-MM-DD" };
        var notes = new Option<string?>("--notes") { Description = "Perspective, provenance or caveats shown to users" };
        var id = new Option<string?>("--id") { Description = "The source id (lowercase letters, digits, dashes; default: the front matter's id, else made from the title)" };
        var json = new Option<bool>("--json") { Description = "Print {\"id\", \"title\", \"passages\"}" };
        var command = new Command("add", "Add a source from a file, a URL or text") { input, text, title, author, publisher, published, notes, id, json };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var sourceInput = await ReadInputAsync(parse.GetValue(input), parse.GetValue(text), cancellationToken);
            var metadata = new SourceMetadata(parse.GetValue(title), parse.GetValue(author), parse.GetValue(publisher), null, parse.GetValue(published), parse.GetValue(notes), parse.GetValue(id));
            var registry = services.GetRequiredService<ISourceRegistry>();
            var result = await registry.AddAsync(new SourceAddRequest(sourceInput, metadata), Operator(), cancellationToken);
            if (!result.IsDone)
            {
                await Console.Error.WriteLineAsync($"honcho: {result.Message}");
                return ExitCodes.Failure;
            }

            var source = result.Source!;
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new { id = source.Id, title = source.Title, passages = source.Passages }, JsonDefaults.Compact));
            }
            else
            {
                await stdout.WriteLineAsync(source.Id);
                await Console.Error.WriteLineAsync(result.Message);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task<SourceInput> ReadInputAsync(string? argument, string? text, CancellationToken cancellationToken)
    {
        if (text is not null)
        {
            return argument is null ? new SourceInput.FromText(text) : throw new UsageException("give one of FILE, URL, - or --text, not several");
        }

        if (argument is null)
        {
            throw new UsageException("sources add needs a FILE, a URL, - (text on stdin) or --text TEXT");
        }

        if (argument == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return new SourceInput.FromText(await stdin.ReadToEndAsync(cancellationToken));
        }

        // Anything that looks like a URL goes to the fetcher, whose guard refuses (and audits) non-http schemes.
        if (argument.Contains("://", StringComparison.Ordinal))
        {
            return new SourceInput.FromUrl(argument);
        }

        if (Directory.Exists(argument))
        {
            throw new UsageException($"{argument}: is a directory; give one file (.txt, .md, .html or .pdf)");
        }

        if (!File.Exists(argument))
        {
            throw new UsageException($"{argument}: no such file");
        }

        return new SourceInput.FromFile(Path.GetFileName(argument), await File.ReadAllBytesAsync(argument, cancellationToken));
    }

    private static Command Change(string name, string description, Func<ISourceRegistry, string, Requester, CancellationToken, Task<SourceResult>> change)
    {
        var id = new Argument<string>("id") { Description = "The source id (see 'honcho sources list')" };
        var command = new Command(name, description) { id };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var result = await change(services.GetRequiredService<ISourceRegistry>(), parse.GetValue(id)!, Operator(), cancellationToken);
            if (!result.IsDone)
            {
                await Console.Error.WriteLineAsync($"honcho: {result.Message}");
                return ExitCodes.Failure;
            }

            await stdout.WriteLineAsync(result.Message);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Option<string?> CommunityOption(string description) => new("--community") { Description = description };

    private static Command List()
    {
        var page = new Option<int>("--page") { Description = "Page number, from 1", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Sources per page (1-100)", DefaultValueFactory = _ => 20 };
        var community = CommunityOption("Show a community's library (e.g. discord:123) instead of the global one");
        var command = new Command("list", "List the sources the bot answers from") { page, pageSize, community };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var registry = services.GetRequiredService<ISourceRegistry>();
            var result = await registry.ListAsync(parse.GetValue(community), parse.GetValue(page), parse.GetValue(pageSize), cancellationToken);
            foreach (var source in result.Items)
            {
                await stdout.WriteLineAsync(FormatSummary(source));
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"page {result.Page} of {result.PageCount} ({result.Total} sources)"));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The source id" };
        var community = CommunityOption("Look in a community's library (e.g. discord:123)");
        var command = new Command("show", "Show a source's metadata and first lines") { id, community };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var registry = services.GetRequiredService<ISourceRegistry>();
            var details = await registry.ShowAsync(parse.GetValue(id)!, parse.GetValue(community), cancellationToken);
            if (details is null)
            {
                await Console.Error.WriteLineAsync($"honcho: there is no source {parse.GetValue(id)}");
                return ExitCodes.Failure;
            }

            await stdout.WriteLineAsync(FormatSummary(details.Summary));
            if (details.Summary.Url is { } url)
            {
                await stdout.WriteLineAsync($"    url: {url}");
            }

            if (details.Author is { } author)
            {
                await stdout.WriteLineAsync($"    author: {author}");
            }

            if (details.Notes is { } notes)
            {
                await stdout.WriteLineAsync($"    notes: {notes}");
            }

            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync(details.FirstLines);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Audit()
    {
        var max = new Option<int>("--max") { Description = "How many of the newest entries", DefaultValueFactory = _ => 50 };
        var community = CommunityOption("Only this community's entries (e.g. slack:T123)");
        var json = new Option<bool>("--json") { Description = "One JSON object per line, as stored" };
        var command = new Command("audit", "Print the audit log of source changes, oldest first") { max, community, json };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var registry = services.GetRequiredService<ISourceRegistry>();
            var entries = await registry.ReadAuditAsync(parse.GetValue(community), parse.GetValue(max), cancellationToken);
            foreach (var e in entries)
            {
                var line = parse.GetValue(json)
                    ? JsonSerializer.Serialize(e, JsonDefaults.Compact)
                    : string.Create(CultureInfo.InvariantCulture, $"{e.At:yyyy-MM-dd HH:mm:ss}Z {e.Platform}:{e.UserId} ({e.DisplayName}) {e.CommunityId ?? "global"}/{e.ChannelId ?? "-"} {e.Action} {e.SourceId ?? "-"} {e.Outcome}: {e.Detail}");
                await stdout.WriteLineAsync(line);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static string FormatSummary(SourceSummary s)
    {
        var origin = s.IsShipped ? "shipped" : string.Create(CultureInfo.InvariantCulture, $"added by {s.AddedBy ?? "?"} {s.AddedAt:yyyy-MM-dd}");
        var scope = s.CommunityId is null ? string.Empty : $" in {s.CommunityId}";
        var hidden = s.IsHidden ? " [hidden]" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{s.Id}{hidden}\n    {s.Title}\n    {s.Publisher ?? "unknown publisher"}, {s.Published ?? "undated"}; {origin}{scope}; {s.Passages} {(s.Passages == 1 ? "passage" : "passages")}");
    }
}
