namespace HonchoBot.Core.Corpus;

/// <summary>What a load found: the documents that parsed and one error per file that did not.</summary>
public sealed record CorpusLoad(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<CorpusError> Errors);

/// <summary>
/// Loads <c>*.md</c> files from corpus directories (shipped, read-only) and the data directory's
/// <c>sources/</c>. A malformed file is reported with its name and reason; the others still load.
/// </summary>
public static class CorpusLoader
{
    /// <summary>Loads every directory in order; a later file with an id already seen is an error.</summary>
    public static CorpusLoad Load(IEnumerable<string> shippedDirectories, string? addedDirectory)
    {
        var documents = new List<SourceDocument>();
        var errors = new List<CorpusError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var directory in shippedDirectories)
        {
            LoadDirectory(directory, isShipped: true);
        }

        if (addedDirectory is not null)
        {
            LoadDirectory(addedDirectory, isShipped: false);
        }

        return new CorpusLoad(documents, errors);

        void LoadDirectory(string directory, bool isShipped)
        {
            if (!Directory.Exists(directory))
            {
                if (isShipped)
                {
                    errors.Add(new CorpusError(directory, "corpus directory not found"));
                }

                return;
            }

            // Ordinal order keeps builds deterministic across file systems.
            var files = Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                SourceParseResult result;
                try
                {
                    result = SourceFileFormat.Parse(File.ReadAllBytes(file), name, isShipped);
                }
                catch (IOException ex)
                {
                    errors.Add(new CorpusError(name, $"could not be read: {ex.Message}"));
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    errors.Add(new CorpusError(name, "permission denied"));
                    continue;
                }

                if (result.Error is not null)
                {
                    errors.Add(result.Error);
                }
                else if (seen.TryGetValue(result.Document!.Info.Id, out var other))
                {
                    errors.Add(new CorpusError(name, $"id '{result.Document.Info.Id}' is already used by {other}"));
                }
                else
                {
                    seen[result.Document.Info.Id] = name;
                    documents.Add(result.Document);
                }
            }
        }
    }
}
