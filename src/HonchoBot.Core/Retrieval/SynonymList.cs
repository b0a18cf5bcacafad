using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// The domain synonym list (a data file, <c>Retrieval/synonyms.txt</c>): canonical spellings applied at
/// index and query time (<c>=</c> lines) and related terms expanded at query time (<c>~</c> lines).
/// </summary>
public sealed class SynonymList
{
    private SynonymList(IReadOnlyList<string[]> canonical, IReadOnlyList<string[]> related, string hash)
    {
        Canonical = canonical;
        Related = related;
        Hash = hash;
    }

    /// <summary>Groups whose later members are rewritten to the first.</summary>
    public IReadOnlyList<string[]> Canonical { get; }

    /// <summary>Groups of related terms.</summary>
    public IReadOnlyList<string[]> Related { get; }

    /// <summary>Content hash; recorded in the index commit so a change triggers a rebuild.</summary>
    public string Hash { get; }

    /// <summary>The list that ships inside the assembly.</summary>
    public static SynonymList Default { get; } = Parse(ReadResource("HonchoBot.Core.Retrieval.synonyms.txt"));

    /// <summary>Parses the file format described at the top of <c>synonyms.txt</c>.</summary>
    public static SynonymList Parse(string text)
    {
        var canonical = new List<string[]>();
        var related = new List<string[]>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length < 2 || line[0] == '#')
            {
                continue;
            }

            var terms = line[1..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (terms.Length < 2)
            {
                continue;
            }

            switch (line[0])
            {
                case '=':
                    canonical.Add(terms);
                    break;
                case '~':
                    related.Add(terms);
                    break;
                default:
                    throw new FormatException($"synonyms: a line must start with '=', '~' or '#': {line}");
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new SynonymList(canonical, related, hash);
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
