using System.Text.Json.Nodes;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Tests.Fakes;

namespace HonchoBot.Discord.Tests.Commands;

/// <summary>Command registration by bulk overwrite at start-up (docs/platform-protocols.md), checked by the fake against the documented schema.</summary>
public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Commands_are_bulk_overwritten_in_each_configured_guild_with_a_schema_Discord_accepts()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:GuildIds:1"] = "1300000000000000033");

        await _discord.WaitForRequestsAsync(r => r.Method == "PUT", count: 2, what: "two guild registrations");

        var puts = _discord.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(
            [$"/applications/{FakeDiscord.ApplicationId}/guilds/1300000000000000003/commands", $"/applications/{FakeDiscord.ApplicationId}/guilds/1300000000000000033/commands"],
            puts.Select(p => p.Path).Order());
        Assert.All(puts, p => Assert.Equal(200, p.Status));
        Assert.Empty(_discord.Violations); // names, descriptions, option order, sizes: as documented

        var commands = puts[0].Json!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => c["name"]!.GetValue<string>());
        Assert.Equal(["ask", "fact", "help", "source", "sources"], commands.Keys.Order());
        var ask = commands["ask"];
        Assert.Equal(1, ask["type"]!.GetValue<int>());
        var question = ask["options"]![0]!;
        Assert.Equal(("question", 3, true), (question["name"]!.GetValue<string>(), question["type"]!.GetValue<int>(), question["required"]!.GetValue<bool>()));
        Assert.Null(ask["default_member_permissions"]);

        var source = commands["source"];
        Assert.Equal("32", source["default_member_permissions"]!.GetValue<string>()); // MANAGE_GUILD, as a string
        Assert.Equal([0], source["contexts"]!.AsArray().Select(c => c!.GetValue<int>()));
        var subcommands = source["options"]!.AsArray().Select(o => o!.AsObject()).ToDictionary(o => o["name"]!.GetValue<string>());
        Assert.Equal(["add", "audit", "gaps", "hide", "list", "remove", "unhide"], subcommands.Keys.Order());
        Assert.All(subcommands.Values, s => Assert.Equal(1, s["type"]!.GetValue<int>()));
        var add = subcommands["add"]["options"]!.AsArray();
        Assert.Contains(add, o => o!["name"]!.GetValue<string>() == "file" && o["type"]!.GetValue<int>() == 11);
        Assert.All(add, o => Assert.NotEqual(true, o!["required"]?.GetValue<bool>())); // url, file and text: none required on its own
        Assert.True(subcommands["remove"]["options"]![0]!["autocomplete"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_shard_0_registers_the_commands()
    {
        // Shard 1 starts first and identifies; its registration, if it had one, starts before it connects.
        await using (var shard1 = await BotHarness.StartAsync(_discord, c => { c["Discord:ShardId"] = "1"; c["Discord:ShardCount"] = "2"; }))
        {
            await _discord.Gateway.WaitForOpAsync(2, what: "shard 1 identifying");
        }

        await using var shard0 = await BotHarness.StartAsync(_discord, c => { c["Discord:ShardId"] = "0"; c["Discord:ShardCount"] = "2"; });
        await _discord.WaitForRequestsAsync(r => r.Method == "PUT", what: "shard 0 registering the commands");
        await _discord.Gateway.WaitForOpAsync(2, count: 2, what: "shard 0 identifying");

        Assert.Single(_discord.Requests, r => r.Method == "PUT");
        Assert.Equal([[1, 2], [0, 2]], _discord.Gateway.Sent(2).Select(e => e.Data!["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray()));
    }

    [Fact]
    public async Task Without_guild_ids_commands_are_registered_globally()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c => c.Remove("Discord:GuildIds:0"));

        await _discord.WaitForRequestsAsync(r => r.Method == "PUT", what: "global registration");

        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/commands", _discord.Requests.Single(r => r.Method == "PUT").Path);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_registered_and_the_adapter_serves_http_only()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:Token"] = string.Empty);

        await _discord.Changed.WaitUntilAsync(() => bot.Health.Current.State == ConnectionState.HttpOnly, "HTTP-only state");

        Assert.True(bot.Health.Current.IsReady);
        Assert.Empty(_discord.Requests);
        Assert.Empty(_discord.Gateway.Connections);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("commands are not registered", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_check_of_the_fake_rejects_what_Discord_rejects()
    {
        // Guards the guard: a lenient fake would only confirm a misreading.
        var bad = JsonNode.Parse("""
            [{"name":"Ask Me","description":"","options":[
              {"type":3,"name":"a","description":"x"},
              {"type":3,"name":"b","description":"y","required":true}]}]
            """);

        var problems = CommandSchema.Validate(bad);

        Assert.Contains(problems, p => p.Contains("invalid name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("description must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("required options must come first", StringComparison.Ordinal));
    }
}
