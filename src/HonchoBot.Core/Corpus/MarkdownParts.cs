namespace HonchoBot.Core.Corpus;

/// <summary>A Markdown text split into its front matter (<paramref name="Yaml"/>, when closed) and its body.</summary>
internal sealed record MarkdownParts(FrontMatterState State, string? Yaml, string Body);
