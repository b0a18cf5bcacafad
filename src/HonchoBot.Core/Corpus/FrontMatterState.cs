namespace HonchoBot.Core.Corpus;

/// <summary>Whether a Markdown text opens with front matter, and whether that front matter is closed.</summary>
internal enum FrontMatterState
{
    /// <summary>The text does not start with a <c>---</c> line.</summary>
    None,

    /// <summary>It starts with <c>---</c> but no closing <c>---</c> or <c>...</c> line follows.</summary>
    Unclosed,

    /// <summary>Front matter and body.</summary>
    Closed,
}
