using HonchoBot.Core;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HonchoBot.Store.Postgres.Tests;

public sealed class StoreOptionsTests
{
    private const string Password = "s3cret-Pa55word-never-logged";

    [Fact]
    public void Files_is_the_default_and_needs_no_connection_string()
    {
        var options = Resolve([]);
        Assert.Equal(StoreOptions.Files, options.Provider);
        Assert.False(options.IsPostgres);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void Postgres_binds_its_connection_string()
    {
        var options = Resolve(new()
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = "Host=127.0.0.1;Database=honcho",
        });
        Assert.True(options.IsPostgres);
        Assert.Equal("Host=127.0.0.1;Database=honcho", options.ConnectionString);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_validation()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Store:Provider"] = "postgres" }));
        Assert.Contains("Store:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_fails_validation_naming_the_choices()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Store:Provider"] = "mysql" }));
        Assert.Contains("'files' or 'postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_text_never_shows_the_connection_string()
    {
        var options = new StoreOptions { Provider = "postgres", ConnectionString = $"Host=db;Password={Password}" };
        Assert.DoesNotContain(Password, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Host=db", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_source_never_hands_the_password_back()
    {
        using var dataSource = PostgresDataSources.Create(new StoreOptions
        {
            Provider = "postgres",
            ConnectionString = $"Host=127.0.0.1;Port=5999;Username=honcho;Password={Password};Persist Security Info=true",
        });
        Assert.DoesNotContain(Password, dataSource.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, PostgresDataSources.Describe(dataSource), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1:5999, database (default), user honcho", PostgresDataSources.Describe(dataSource));
    }

    [Fact]
    public void The_registration_resolves_a_migrator_for_the_configured_store()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = "Host=127.0.0.1;Port=5999;Database=honcho",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHonchoPostgresStore(configuration).BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<PostgresMigrator>());
    }

    [Fact]
    public void Postgres_mode_keeps_questions_votes_and_the_hash_key_in_the_store()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = "Host=127.0.0.1;Port=5999;Database=honcho",
            ["Data:Path"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHonchoCuration(configuration);
        using var provider = services.AddHonchoStore(configuration).BuildServiceProvider();

        Assert.IsType<PostgresQuestionLog>(provider.GetRequiredService<IQuestionLog>());
        Assert.IsType<PostgresFeedbackStore>(provider.GetRequiredService<IFeedbackStore>());
        Assert.IsType<PostgresIdentityKeySource>(provider.GetRequiredService<IIdentityKeySource>());
    }

    [Fact]
    public void Files_mode_keeps_questions_and_votes_in_the_data_directory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHonchoCuration(configuration);
        using var provider = services.AddHonchoStore(configuration).BuildServiceProvider();

        Assert.IsType<FileQuestionLog>(provider.GetRequiredService<IQuestionLog>());
        Assert.IsType<FileFeedbackStore>(provider.GetRequiredService<IFeedbackStore>());
        Assert.IsType<FileIdentityKeySource>(provider.GetRequiredService<IIdentityKeySource>());
    }

    private static StoreOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddHonchoPostgresStore(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StoreOptions>>().Value;
    }
}
