namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class QuestionsSection
{
    /// <summary>"how many", "number of": the question asks a count (and introduces the counted thing).</summary>
    public List<string> Count { get; set; } = [];

    /// <summary>"when", "what year": the question asks a date.</summary>
    public List<string> Date { get; set; } = [];

    /// <summary>"who", "where", "which": the question asks for something other than a count or a date.</summary>
    public List<string> Other { get; set; } = [];

    /// <summary>"who", "which": the question asks for a person or a unit.</summary>
    public List<string> Who { get; set; } = [];

    /// <summary>
    /// "does China say", "according to": the question asks for one party's account, so the other kind of figure
    /// (a record against a claim, or a claim against a record) is not part of the answer.
    /// </summary>
    public List<string> Attribution { get; set; } = [];

    /// <summary>"ratio", "%": a question about a ratio or share is not answered by a count.</summary>
    public List<string> NotCounts { get; set; } = [];

    /// <summary>"what rank": the question asks a person's rank.</summary>
    public List<string> Rank { get; set; } = [];

    /// <summary>"after which kill": the question asks where in a person's tally something happened.</summary>
    public List<string> Tally { get; set; } = [];

    /// <summary>"fighting over", "in the raid": the question is about one engagement, not the whole war.</summary>
    public List<string> Engagement { get; set; } = [];
}
