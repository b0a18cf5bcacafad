using System.CommandLine;
using System.CommandLine.Parsing;

namespace HonchoBot.Host.Cli;

/// <summary>Judging a verb's free-text argument against the command line it came from.</summary>
internal static class CliArguments
{
    /// <summary>
    /// True for a single word starting with '-' in an argument's place (a mistyped option), unless it came after
    /// <c>--</c>, which makes everything after it an argument: <c>honcho ask -- "-MiG"</c> asks about "-MiG".
    /// </summary>
    public static bool IsUnknownOption(ParseResult parse, string text)
    {
        if (text.Length <= 1 || text[0] != '-' || text.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        return doubleDash < 0 || !parse.Tokens.Skip(doubleDash + 1).Any(t => t.Value == text);
    }
}
