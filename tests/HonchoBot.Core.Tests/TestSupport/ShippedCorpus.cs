namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>The repository's shipped corpus, read as text: real prose for tests that compare two ways of reading it.</summary>
internal static class ShippedCorpus
{
    /// <summary>The repository root (the directory holding <c>HonchoBot.sln</c>), found from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HonchoBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The text of every shipped corpus file, as written.</summary>
    public static List<string> FileTexts() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot(), "corpus"), "*.md").Select(File.ReadAllText)];

    /// <summary>Every blank-line-separated paragraph of the shipped corpus files, front matter included.</summary>
    public static List<string> Paragraphs() => [.. FileTexts().SelectMany(text => text.Split("\n\n"))];
}
