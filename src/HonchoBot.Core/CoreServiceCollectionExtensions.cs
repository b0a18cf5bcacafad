using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Ingestion.Fetching;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HonchoBot.Core;

/// <summary>Core's one registration entry point: explicit, no assembly scanning.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddHonchoCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section)).ValidateOnStart();
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.Section)).ValidateOnStart();
        services.AddOptions<CitationLinkOptions>().Bind(configuration.GetSection(CitationLinkOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<HonchoMetrics>();
        services.AddOptions<SourceOptions>().Bind(configuration.GetSection(SourceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Store:Provider files (these defaults) or postgres (HonchoBot.Store.Postgres replaces the store, hidden list,
        // audit log, coordinator and change feed).
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HiddenSourceList>();
        services.TryAddSingleton<IHiddenSources>(sp => sp.GetRequiredService<HiddenSourceList>());
        services.AddSingleton<ISourceVisibility>(sp => sp.GetRequiredService<IHiddenSources>());
        services.AddSingleton<AuditLog>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<ISourceStore, FileSourceStore>();
        services.TryAddSingleton<IStoreCoordinator, FileStoreCoordinator>();
        services.TryAddSingleton<IChangeFeed, NoChangeFeed>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<IConnectionDialer, SocketDialer>();
        services.AddSingleton<UrlFetcher>();
        services.AddSingleton<SourceExtractor>();
        services.AddSingleton<SourceRegistry>();
        services.AddSingleton<ISourceRegistry>(sp => sp.GetRequiredService<SourceRegistry>());
        // Claims: one moderator-editable lexicon, extraction at index time, comparison at answer time.
        // Claims:LexiconPath points at an extended copy (e.g. on the data volume); default: beside the executable.
        services.AddSingleton(_ => configuration["Claims:LexiconPath"] is { Length: > 0 } lexiconPath
            ? ClaimLexicon.Load(lexiconPath)
            : ClaimLexicon.LoadDefault());
        services.AddSingleton<IClaimExtractor, ClaimExtractor>();
        services.AddSingleton<IPassageAnnotator, ClaimAnnotator>();
        // Sentence meaning may veto a pair the rules found (never add one); no opinion with the semantic layer off.
        services.AddSingleton<IClaimSimilarity, SemanticClaimSimilarity>();
        services.AddSingleton<IDisagreementFinder, DisagreementFinder>();
        // The dense layer needs an IEmbedder registration (the ONNX model from HonchoBot.Embeddings, or a test
        // double); Retrieval:Semantic=false leaves it unused.
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SemanticIndex>();
        services.AddHostedService<VectorBackfillService>();
        services.AddSingleton<IndexHost>();
        services.AddHostedService<ChangeFollowerService>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<IQuestionAnswerer>(sp => sp.GetRequiredService<QuestionAnswerer>());
        services.AddHonchoQuestionPipeline(configuration);
        return services;
    }

    /// <summary>
    /// The chat side of Core on its own (part of <see cref="AddHonchoCore"/>; adapter tests use it alone): the
    /// <see cref="AskPipeline"/>, its rate limits, the bounded queue with the workers that drain it, and the
    /// conversations follow-ups are read against.
    /// </summary>
    public static IServiceCollection AddHonchoQuestionPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IChatRateLimiter, ChatRateLimiter>();
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<ConversationContext>();
        services.AddSingleton<QuestionQueue>();
        services.AddSingleton<IQuestionQueue>(sp => sp.GetRequiredService<QuestionQueue>());
        services.AddHostedService<QuestionWorkerService>();
        services.AddSingleton<AskPipeline>();
        services.AddHonchoCuration(configuration);
        return services;
    }

    /// <summary>
    /// The question log, feedback store and keyed id hasher under the data directory (part of
    /// <see cref="AddHonchoQuestionPipeline"/>); the postgres store replaces the three interfaces.
    /// </summary>
    public static IServiceCollection AddHonchoCuration(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section));
        services.AddOptions<QuestionLogOptions>().Bind(configuration.GetSection(QuestionLogOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IQuestionLog, FileQuestionLog>();
        services.TryAddSingleton<IFeedbackStore, FileFeedbackStore>();
        services.TryAddSingleton<IIdentityKeySource, FileIdentityKeySource>();
        services.TryAddSingleton<IdentityHasher>();
        services.TryAddSingleton<CurationRecorder>();
        services.TryAddSingleton<GapFinder>();
        return services;
    }
}
