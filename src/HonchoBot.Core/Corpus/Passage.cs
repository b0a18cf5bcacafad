namespace HonchoBot.Core.Corpus;

/// <summary>
/// A retrieval unit of roughly 60–200 words (docs/index-design.md, "Passages"). Its text is the stored, normalised
/// source text; blocks inside it are joined with a blank line and keep their own locations.
/// </summary>
/// <param name="Id"><c>{sourceId}#{ordinal}</c>, stable while the source text is unchanged.</param>
/// <param name="Segments">Where each source block starts inside <paramref name="Text"/>, with its location.</param>
public sealed record Passage(string Id, string SourceId, int Ordinal, string Text, IReadOnlyList<PassageSegment> Segments)
{
    /// <summary>The location of the block that holds character <paramref name="offset"/>.</summary>
    public string LocationAt(int offset)
    {
        var location = Segments[0].Location;
        foreach (var segment in Segments)
        {
            if (segment.Start > offset)
            {
                break;
            }

            location = segment.Location;
        }

        return location;
    }

    /// <summary>Sentences as (start, length) spans, never crossing a block boundary.</summary>
    public IReadOnlyList<(int Start, int Length)> Sentences()
    {
        var sentences = new List<(int, int)>();
        for (var i = 0; i < Segments.Count; i++)
        {
            var start = Segments[i].Start;
            var end = i + 1 < Segments.Count ? Segments[i + 1].Start : Text.Length;
            foreach (var (s, length) in SentenceSplitter.Split(Text[start..end]))
            {
                sentences.Add((start + s, length));
            }
        }

        return sentences;
    }
}

/// <summary>A source block's start offset inside a passage, and its human location.</summary>
public sealed record PassageSegment(int Start, string Location);
