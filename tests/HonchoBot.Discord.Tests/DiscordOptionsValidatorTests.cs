using HonchoBot.Core;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace HonchoBot.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    private static DiscordOptions Valid() => new()
    {
        Enabled = true,
        Token = "t",
        ApplicationId = "1100000000000000001",
        PublicKey = FakeDiscord.PublicKeyHex,
    };

    private static string[] Failures(DiscordOptions options) =>
        [.. new DiscordOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void Validate_Disabled_AcceptsAnything() =>
        Assert.Empty(Failures(new DiscordOptions { Enabled = false, ShardCount = 0 }));

    [Fact]
    public void Validate_CompleteConfiguration_Succeeds() => Assert.Empty(Failures(Valid()));

    [Fact]
    public void Validate_TokenOnly_Or_PublicKeyOnly_Succeeds()
    {
        var tokenOnly = Valid();
        tokenOnly.PublicKey = null;
        var keyOnly = Valid();
        keyOnly.Token = null;

        Assert.Empty(Failures(tokenOnly));
        Assert.Empty(Failures(keyOnly));
    }

    [Fact]
    public void Validate_MissingApplicationId_NamesTheKey()
    {
        var options = Valid();
        options.ApplicationId = " ";

        Assert.Contains(Failures(options), f => f.StartsWith("Discord:ApplicationId", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NeitherTokenNorPublicKey_NamesBothKeys()
    {
        var options = Valid();
        options.Token = null;
        options.PublicKey = "";

        Assert.Contains(Failures(options), f => f.Contains("Discord:Token", StringComparison.Ordinal) && f.Contains("Discord:PublicKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PublicKey", "not-a-key")]
    [InlineData("ApiBaseUrl", "discord.com/api")]
    [InlineData("GatewayUrl", "https://gateway.discord.gg")]
    [InlineData("Shard", "2/2")]
    public void Validate_MalformedValue_NamesTheKey(string key, string value)
    {
        var options = Valid();
        switch (key)
        {
            case "PublicKey": options.PublicKey = value; break;
            case "ApiBaseUrl": options.ApiBaseUrl = value; break;
            case "GatewayUrl": options.GatewayUrl = value; break;
            default: options.ShardId = 2; options.ShardCount = 2; break;
        }

        Assert.Contains(Failures(options), f => f.StartsWith("Discord:" + key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_EnabledWithoutApplicationId_FailsAtStartUpNamingTheKey()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Enabled"] = "true",
            ["Discord:Token"] = "t",
        });
        builder.Services.AddSingleton(Mock.Of<IQuestionQueue>());
        builder.Services.AddSingleton(Mock.Of<IChatRateLimiter>());
        builder.Services.AddSingleton<ConversationMemory>();
        builder.Services.AddSingleton<ConversationContext>();
        builder.Services.AddSingleton<AskPipeline>();
        builder.Services.AddHonchoCuration(builder.Configuration);
        builder.Services.AddHonchoDiscord(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Discord:ApplicationId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHonchoDiscord_BindsTheSection()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Enabled"] = "true",
            ["Discord:ApplicationId"] = "1100000000000000001",
            ["Discord:Token"] = "t",
            ["Discord:GuildIds:0"] = "1",
            ["Discord:GuildIds:1"] = "2",
            ["Discord:ModeratorRoleIds:0"] = "3",
            ["Discord:Intents"] = "37377",
            ["Discord:ShardId"] = "1",
            ["Discord:ShardCount"] = "4",
        }).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Mock.Of<IQuestionQueue>())
            .AddSingleton(Mock.Of<IChatRateLimiter>())
            .AddSingleton<ConversationMemory>()
            .AddSingleton<ConversationContext>()
            .AddSingleton<AskPipeline>()
            .AddHonchoCuration(config)
            .AddHonchoDiscord(config)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = services.GetRequiredService<IOptions<DiscordOptions>>();
        var bound = options.Value;

        Assert.Equal(["1", "2"], bound.GuildIds);
        Assert.Equal(["3"], bound.ModeratorRoleIds);
        Assert.Equal(37377, bound.Intents);
        Assert.Equal((1, (int?)4), (bound.ShardId, bound.ShardCount));
        Assert.Equal("https://discord.com/api/v10", bound.ApiBaseUrl);
        Assert.Single(services.GetServices<IHostedService>());
    }
}
