using System.CommandLine;
using HonchoBot.Core;
using HonchoBot.Embeddings;
using HonchoBot.Store.Postgres;

namespace HonchoBot.Host.Cli;

/// <summary>
/// Configuration and services for one CLI verb: appsettings.json (current directory first, then next
/// to the executable), environment variables, then the command line. Logs go to stderr, so stdout
/// carries only answers (docs/json-contract.md: nothing else on stdout in --json mode).
/// </summary>
internal static class CliContext
{
    public static IConfiguration BuildConfiguration(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var builder = new ConfigurationBuilder();
        var settings = AppPaths.Find("appsettings.json");
        if (settings is not null)
        {
            builder.AddJsonFile(settings, optional: true, reloadOnChange: false);
        }

        // Development secrets (dotnet user-secrets set Discord:Token …) stay out of the repository.
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        if (string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddUserSecrets(typeof(CliContext).Assembly, optional: true);
        }

        builder.AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(GlobalOptions.Data) is { } data)
        {
            overrides["Data:Path"] = data;
        }

        builder.AddInMemoryCollection(overrides);
        if (extra is not null)
        {
            builder.AddInMemoryCollection(extra);
        }

        var configuration = builder.Build();
        RequireDataDirectory(configuration["Data:Path"] ?? "./data", parse.GetValue(GlobalOptions.Data) is null ? "Data:Path" : "--data");
        return WithCorpusPaths(configuration, parse.GetValue(GlobalOptions.Corpus) ?? []);
    }

    /// <summary>The data directory may be missing (it is created) but not a file: that is a usage error, not an IOException later.</summary>
    private static void RequireDataDirectory(string path, string source)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"{source} {path}: is a file; the data directory must be a directory (it is created when missing)");
        }
    }

    public static ServiceProvider BuildServices(IConfiguration configuration, LogLevel minimumLevel = LogLevel.Warning)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            // The same stderr console (and Logging:Format) as serve; CLI verbs add a quieter floor.
            Serve.HonchoServer.ConfigureLogging(logging, configuration);
            logging.AddFilter(level => level >= minimumLevel);
        });
        services.AddHonchoCore(configuration);
        services.AddHonchoStore(configuration);
        services.AddHonchoEmbeddings();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Configured corpus paths resolved (cwd, then beside the executable), plus --corpus additions.</summary>
    private static IConfiguration WithCorpusPaths(IConfigurationRoot configuration, string[] extra)
    {
        var configured = configuration.GetSection("Corpus:Paths").Get<string[]>() ?? ["corpus"];
        var resolved = new List<string>();
        foreach (var path in configured)
        {
            resolved.Add(AppPaths.ResolveDirectory(path) ?? throw new UsageException(
                $"corpus directory '{path}' (Corpus:Paths) not found in {Directory.GetCurrentDirectory()} or next to the executable"));
        }

        foreach (var path in extra)
        {
            if (!Directory.Exists(path))
            {
                throw new UsageException($"--corpus {path}: no such directory");
            }

            resolved.Add(path);
        }

        var values = resolved.Select((p, i) => new KeyValuePair<string, string?>($"Corpus:Paths:{i}", Path.GetFullPath(p)));
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(values).Build();
    }
}

/// <summary>Finds shipped files: current directory first, then next to the executable.</summary>
internal static class AppPaths
{
    public static string? Find(string relative)
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(root, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string? ResolveDirectory(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }

        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(root, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
