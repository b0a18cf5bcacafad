using System.CommandLine;
using System.Text.Json;
using HonchoBot.Core;
using HonchoBot.Core.Curation;
using HonchoBot.Host.Output;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Cli;

/// <summary>
/// <c>honcho gaps [--json] [--community C] [--days N] [--max N]</c>: the coverage gaps — unanswered and down-voted
/// questions grouped by similarity, most asked first (<see cref="GapFinder"/>). Usage errors exit 2.
/// </summary>
internal static class GapsCommand
{
    public const int DefaultDays = 30;
    public const int DefaultMax = 20;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object (docs/json-contract.md, \"honcho gaps --json\")" };
        var community = new Option<string?>("--community") { Description = "Only this community's questions (e.g. discord:123 or slack:T123); default: all" };
        var days = new Option<int>("--days") { Description = $"How many days back, 1-3650 (default {DefaultDays})", DefaultValueFactory = _ => DefaultDays };
        var max = new Option<int>("--max") { Description = $"Most groups to list, 1-{GapFinder.MaxGroups} (default {DefaultMax})", DefaultValueFactory = _ => DefaultMax };
        var command = new Command("gaps", "List unanswered and down-voted questions, grouped by similarity, most asked first") { json, community, days, max };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var dayCount = parse.GetValue(days);
            var maxGroups = parse.GetValue(max);
            var communityId = parse.GetValue(community);
            if (dayCount is < 1 or > 3650)
            {
                throw new UsageException($"--days {dayCount}: give a number of days from 1 to 3650");
            }

            if (maxGroups < 1 || maxGroups > GapFinder.MaxGroups)
            {
                throw new UsageException($"--max {maxGroups}: give a number of groups from 1 to {GapFinder.MaxGroups}");
            }

            if (communityId is not null && string.IsNullOrWhiteSpace(communityId))
            {
                throw new UsageException("--community: give a community id such as discord:123 or slack:T123");
            }

            var recording = services.GetRequiredService<IOptions<QuestionLogOptions>>().Value;
            var report = await services.GetRequiredService<GapFinder>().FindAsync(dayCount, communityId, maxGroups, cancellationToken);
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(report, JsonDefaults.Compact));
                return ExitCodes.Ok;
            }

            if (!recording.IsOn)
            {
                await Console.Error.WriteLineAsync("honcho: questions are not recorded (Questions:Record is false or Questions:RetentionDays is 0)");
            }

            await stdout.WriteAsync(GapsTextRenderer.Render(report));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
