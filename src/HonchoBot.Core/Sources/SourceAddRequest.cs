namespace HonchoBot.Core.Sources;

/// <summary>What to add and the metadata the moderator gave (all optional).</summary>
public sealed record SourceAddRequest(SourceInput Input, SourceMetadata Metadata);
