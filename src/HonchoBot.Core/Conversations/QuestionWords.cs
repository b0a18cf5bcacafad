using System.Collections.Frozen;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Conversations;

/// <summary>
/// The English word classes follow-ups are read with: function words (openers, question words, auxiliaries,
/// pronouns, determiners, prepositions, clause links) and a list of common verbs. Nothing here names a topic:
/// a word outside these classes is a content word, and one the common-word list does not know is a name
/// (a person, a nation, a place, a type such as MiG-15).
/// </summary>
internal static class QuestionWords
{
    /// <summary>Openers that continue the previous question with a new focus ("what about the Chinese?").</summary>
    public static readonly IReadOnlyList<string[]> ShiftOpeners =
    [
        ["and", "what", "about"], ["and", "how", "about"], ["but", "what", "about"], ["what", "about"], ["how", "about"],
        ["what", "of"], ["same", "for"], ["same", "question", "for"], ["and", "for"], ["and", "as", "for"], ["as", "for"],
    ];

    /// <summary>Openers that tie a question to the one before it without saying how.</summary>
    public static readonly FrozenSet<string> Connectives = Set("and", "but", "also", "so", "plus", "or", "then", "ok", "okay", "now");

    public static readonly FrozenSet<string> QuestionWordSet = Set("how", "what", "which", "who", "whom", "whose", "when", "where", "why");

    /// <summary>Question words that ask about a whole clause ("why did …", "when did …"), not about a noun.</summary>
    public static readonly FrozenSet<string> ClauseQuestionWords = Set("how", "when", "where", "why");

    public static readonly FrozenSet<string> Auxiliaries = Set(
        "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "can", "could",
        "will", "would", "shall", "should", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "don't",
        "doesn't", "didn't", "haven't", "hasn't", "hadn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't");

    public static readonly FrozenSet<string> BeForms = Set("am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't", "'s");

    /// <summary>Personal pronouns that stand for a noun phrase said before.</summary>
    public static readonly FrozenSet<string> PersonalPronouns = Set("he", "she", "they", "him", "her", "them", "it");

    public static readonly FrozenSet<string> Possessives = Set("his", "her", "their", "its");

    public static readonly FrozenSet<string> Demonstratives = Set("that", "this", "those", "these");

    /// <summary>Words after which a new clause starts, so a pronoun there may point back to a noun before them.</summary>
    public static readonly FrozenSet<string> ClauseLinks = Set(
        "and", "but", "or", "so", "because", "while", "when", "where", "after", "before", "if", "since", "who", "which",
        "whereas", "although", "though", "until", "once");

    public static readonly FrozenSet<string> Prepositions = Set(
        "of", "in", "at", "on", "for", "from", "to", "with", "by", "over", "during", "against", "about", "into", "after",
        "before", "between", "under", "above", "near", "across", "through", "among", "per", "than", "without", "within");

    /// <summary>Prepositions of place, for what "there" stands for.</summary>
    public static readonly FrozenSet<string> PlacePrepositions = Set("in", "at", "over", "near", "above", "across", "into", "inside", "around");

    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "this", "that", "these", "those", "their", "its", "his", "her", "our", "my", "your", "any",
        "some", "all", "each", "every", "no", "both", "either", "neither", "many", "much", "most", "more", "few");

    /// <summary>Messages that are manners, not questions: never a follow-up.</summary>
    public static readonly FrozenSet<string> Social = Set(
        "thanks", "thank", "thx", "ty", "hi", "hello", "hey", "ok", "okay", "cool", "great", "nice", "lol", "bye", "yes",
        "no", "yep", "nope", "interesting", "wow", "you", "cheers");

    /// <summary>Function words and fillers that carry no topic; anything else is a content word.</summary>
    public static readonly FrozenSet<string> Function = Set(
        [.. QuestionWordSet, .. Auxiliaries, .. PersonalPronouns, .. Possessives, .. Demonstratives, .. ClauseLinks,
         .. Prepositions, .. Determiners, .. Connectives, .. Social,
         "there", "then", "else", "also", "too", "exactly", "really", "actually", "just", "only", "even", "again",
         "so", "such", "same", "one", "ones", "not", "i", "me", "we", "us", "anything", "something", "about", "please",
         "tell", "know", "say", "said", "happen", "happened", "mean", "meant", "do", "done"]);

    /// <summary>
    /// Common English verbs, base and past forms, for telling a clause from a bare noun phrase. Regular past
    /// forms ("claimed", "based") are recognised by their ending instead.
    /// </summary>
    public static readonly FrozenSet<string> Verbs = Set(
        "lose", "loses", "lost", "shoot", "shoots", "shot", "fly", "flies", "flew", "flown", "die", "dies", "died", "fight", "fights",
        "fought", "win", "wins", "won", "kill", "kills", "claim", "claims", "destroy", "hide", "hid", "hidden", "bury", "deploy",
        "serve", "command", "lead", "leads", "led", "begin", "began", "begun", "end", "ends", "start", "starts", "happen",
        "happens", "mean", "means", "meant", "say", "says", "said", "call", "come", "came", "go", "goes", "went", "gone", "take",
        "took", "taken", "make", "made", "give", "gave", "given", "get", "got", "see", "saw", "seen", "know", "knew", "known",
        "become", "became", "bring", "brought", "build", "built", "send", "sent", "hold", "held", "keep", "kept", "leave",
        "find", "found", "think", "thought", "tell", "told", "use", "arrive", "return", "attack", "defend", "escort",
        "intercept", "operate", "train", "sign", "appear", "exist", "cross", "patrol", "bomb", "face", "meet", "met", "beat",
        "sink", "sank", "run", "ran", "spend", "spent", "pay", "paid", "stay", "remain", "cause", "include", "count",
        "compare", "differ", "agree", "report", "record", "explain", "describe", "show", "list", "name", "help", "want",
        "need", "try", "let", "put", "set", "rise", "rose", "fall", "fell", "fallen", "grow", "grew", "drop", "shift", "suffer",
        "crash", "capture", "flee", "fled", "withdraw", "withdrew", "invade", "enter", "join", "supply", "equip", "base");

    public static bool IsQuestionWord(string lower) => QuestionWordSet.Contains(lower);

    public static bool IsFunction(string lower) => Function.Contains(lower);

    /// <summary>An auxiliary, a listed verb, or a regular past form ("claimed", "based") of an ordinary word.</summary>
    public static bool IsVerb(string lower) =>
        Auxiliaries.Contains(lower)
        || Verbs.Contains(lower)
        || (lower.Length >= 4 && lower.EndsWith("ed", StringComparison.Ordinal) && CommonWords.IsCommon(lower));

    /// <summary>
    /// A name rather than an ordinary word: a nation, person, place, unit or type the common-word list does not
    /// know. A hyphenated word is a name when it has a capital or a digit ("MiG-15", "B-29s", "Soviet-built"), not
    /// when it is all lower case ("anti-aircraft", "air-to-air").
    /// </summary>
    public static bool IsName(string text) =>
        text.Any(char.IsLetter)
        && (text.Contains('-', StringComparison.Ordinal) ? text.Any(c => char.IsUpper(c) || char.IsDigit(c)) : !CommonWords.IsCommon(text));

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
