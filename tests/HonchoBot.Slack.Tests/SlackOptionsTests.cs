using System.Net;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.Tests;

/// <summary>docs/slack-setup.md, and the wiring Host relies on.</summary>
public sealed class SlackOptionsTests
{
    private static ValidateOptionsResult Validate(SlackOptions options) => new SlackOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_Disabled_NeedsNothing() => Assert.True(Validate(new SlackOptions()).Succeeded);

    [Fact]
    public void Validate_EnabledWithoutBotToken_NamesTheKey()
    {
        var result = Validate(new SlackOptions { Enabled = true, AppToken = "xapp-1" });
        Assert.True(result.Failed);
        Assert.Contains("Slack:BotToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnabledWithNeitherAppTokenNorSigningSecret_NamesBothKeys()
    {
        var result = Validate(new SlackOptions { Enabled = true, BotToken = "xoxb-1" });
        Assert.True(result.Failed);
        Assert.Contains("Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xapp-1-A", null)]
    [InlineData(null, "secret")]
    [InlineData("xapp-1-A", "secret")]
    public void Validate_EnabledWithBotTokenAndOneTransport_Succeeds(string? appToken, string? secret) =>
        Assert.True(Validate(new SlackOptions { Enabled = true, BotToken = "xoxb-1", AppToken = appToken, SigningSecret = secret }).Succeeded);

    [Fact]
    public void Validate_AppTokenThatIsABotToken_IsRefused() =>
        Assert.Contains("xapp-", Validate(new SlackOptions { Enabled = true, BotToken = "xoxb-1", AppToken = "xoxb-2" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_BadApiBaseUrl_IsRefused() =>
        Assert.Contains("Slack:ApiBaseUrl", Validate(new SlackOptions { ApiBaseUrl = "slack.com/api" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public async Task Start_up_fails_naming_the_missing_key()
    {
        await using var fake = await FakeSlack.StartAsync();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SlackBot.StartAsync(fake, configure: s => s["Slack:BotToken"] = null));
        Assert.Contains("Slack:BotToken", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_signing_secret_no_HTTP_endpoint_is_mapped()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, socketMode: true, http: false);

        var response = await bot.PostSignedAsync("/slack/events", "{}", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_wired_host_resolves_every_hosted_service_and_reports_ready()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake);

        var hosted = bot.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, s => s is SlackAdapterService);
        await Eventually.TrueAsync(() => bot.Status.Current.State == ConnectionState.Connected, "connected");
        Assert.True(bot.Status.Current.IsReady);
        Assert.Equal(FakeSlack.BotUserId, bot.Services.GetRequiredService<SlackIdentity>().Current?.UserId);
    }

    [Fact]
    public async Task Every_caller_shares_one_Web_API_client_so_Retry_After_pauses_are_shared()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake);

        Assert.Same(bot.Services.GetRequiredService<HonchoBot.Slack.WebApi.ISlackApi>(), bot.Services.GetRequiredService<HonchoBot.Slack.WebApi.ISlackApi>());
    }

    [Fact]
    public async Task A_disabled_adapter_connects_to_nothing()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, configure: s => s["Slack:Enabled"] = "false");

        var response = await bot.PostSignedAsync("/slack/events", "{}", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ConnectionState.Disabled, bot.Status.Current.State);
        Assert.Empty(fake.Calls);
    }
}

public sealed class SlackStatusTests
{
    [Fact]
    public void Snapshot_SerialisesStateAsSnakeCaseForReadyz()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var status = new SlackStatus(time);
        status.Set(ConnectionState.StoppedFatal, "Slack sent link_disabled");

        var json = System.Text.Json.JsonSerializer.Serialize(status.Current);

        Assert.Contains("\"State\":\"stopped_fatal\"", json, StringComparison.Ordinal);
        Assert.Contains("link_disabled", json, StringComparison.Ordinal);
        Assert.False(status.Current.IsReady);
    }

    [Theory]
    [InlineData(ConnectionState.Disabled, true)]
    [InlineData(ConnectionState.Starting, false)]
    [InlineData(ConnectionState.Connected, true)]
    [InlineData(ConnectionState.Retrying, true)]
    [InlineData(ConnectionState.StoppedFatal, false)]
    public void IsReady_FollowsTheReadinessRule(ConnectionState state, bool ready)
    {
        var status = new SlackStatus(TimeProvider.System);
        status.Set(state);
        Assert.Equal(ready, status.Current.IsReady);
    }
}
