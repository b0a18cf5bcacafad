namespace HonchoBot.Core.Conversations;

/// <summary>
/// Builds the question a follow-up stands for from the previous question's frame and the follow-up's focus,
/// trying in order:
/// <list type="number">
/// <item>a new count: "how many planes did the Soviet air force lose?" + "and how many pilots?" → "How many
/// pilots did the Soviet air force lose?";</item>
/// <item>a new name or noun for the same frame: "… did the Soviet air force lose?" + "what about the
/// Chinese?" → "… did the Chinese air force lose?"; with no name to swap, the name is attached with "for";
/// a phrase that starts with a preposition ("and at the peak?") qualifies the whole previous question;</item>
/// <item>a new question word for the same clause: "did the Soviets hide their losses?" + "why?" → "Why did the
/// Soviets hide their losses?";</item>
/// <item>a pronoun replaced by the previous question's subject or place: "where were the Soviet pilots
/// based?" + "when did they arrive?" → "When did the Soviet pilots arrive?";</item>
/// <item>otherwise the follow-up as asked, with the previous question's topic words after it, for retrieval.</item>
/// </list>
/// </summary>
internal static class FollowUpRewriter
{
    public static string Rewrite(QuestionText asked, QuestionText previous, string askedText) =>
        NewCount(asked, previous)
        ?? NewFocus(asked, previous)
        ?? NewQuestionWord(asked, previous)
        ?? PronounReplaced(asked, previous)
        ?? WithContext(asked, previous, askedText);

    // "and how many pilots?" → the previous "how many X …" with X replaced.
    private static string? NewCount(QuestionText asked, QuestionText previous)
    {
        var (start, end) = asked.QuantityPhrase();
        if (start < 0 || end == start || end != asked.Tokens.Count || asked.HasVerb)
        {
            return null;
        }

        return Replace(previous, previous.QuantityPhrase(), asked.Tokens.Skip(start).Take(end - start));
    }

    // "what about the Chinese?" / "and pilots?": a noun phrase with no verb and no question word.
    private static string? NewFocus(QuestionText asked, QuestionText previous)
    {
        var body = asked.Body;
        if (body.Count == 0 || body.Any(t => QuestionWords.IsQuestionWord(QuestionText.Lower(t)) || QuestionText.IsMark(t)))
        {
            return null;
        }

        // "and at the peak?", "how about at high altitude?": a phrase that qualifies the whole previous question,
        // or replaces one of the same kind in it ("… in 1951?" + "and in 1952?" → "… in 1952?").
        if (QuestionWords.Prepositions.Contains(QuestionText.Lower(body[0])))
        {
            return SamePhraseReplaced(previous, body) ?? QuestionText.Join([.. previous.Tokens.Where(t => !QuestionText.IsMark(t)), .. body]);
        }

        if (asked.HasVerb)
        {
            return null;
        }

        var names = asked.NameRuns();
        if (names.Count == 1)
        {
            var (nameStart, nameEnd) = names[0];
            var name = asked.Tokens.Skip(nameStart).Take(nameEnd - nameStart).ToList();
            var nouns = asked.ContentWords(asked.Tokens.Skip(nameEnd).ToList());
            var slots = previous.NameRuns();
            if (slots.Count > 0)
            {
                var slot = slots[0];
                var swapped = Replace(previous, slot, AsModifierIf(IsModifier(previous, slot.End), name))!;
                var frame = QuestionText.Parse(swapped);
                var kept = frame.Tokens.Select(QuestionText.Lower).ToHashSet(StringComparer.Ordinal);
                return nouns.All(n => kept.Contains(QuestionText.Lower(n))) ? swapped : Replace(frame, frame.QuantityPhrase(), nouns);
            }

            if (nouns.Count == 0)
            {
                var frame = previous.Tokens.Where(t => !QuestionText.IsMark(t)).ToList();
                return QuestionText.Join([.. frame, "for", .. asked.Body.Where(t => !QuestionText.IsMark(t))]);
            }

            return null;
        }

        var noun = body.SkipWhile(t => QuestionWords.Determiners.Contains(QuestionText.Lower(t))).ToList();
        return names.Count == 0 && noun.Count > 0 ? Replace(previous, previous.QuantityPhrase(), noun) : null;
    }

    // The previous question's phrase with the same preposition and an object of the same kind (a number, a name).
    private static string? SamePhraseReplaced(QuestionText previous, IReadOnlyList<string> phrase)
    {
        var preposition = QuestionText.Lower(phrase[0]);
        var newObject = phrase.Skip(1).SkipWhile(t => QuestionWords.Determiners.Contains(QuestionText.Lower(t))).FirstOrDefault();
        for (var i = previous.OpenerLength; newObject is not null && i < previous.Tokens.Count - 1; i++)
        {
            if (QuestionText.Lower(previous.Tokens[i]) != preposition)
            {
                continue;
            }

            var end = i + 1;
            while (end < previous.Tokens.Count && QuestionText.IsNounPhraseWord(previous.Tokens[end]))
            {
                end++;
            }

            var oldObject = previous.Tokens.Skip(i + 1).Take(end - i - 1).SkipWhile(t => QuestionWords.Determiners.Contains(QuestionText.Lower(t))).FirstOrDefault();
            if (oldObject is not null && KindOf(oldObject) == KindOf(newObject) && KindOf(newObject) != WordKind.Ordinary)
            {
                return Replace(previous, (i, end), phrase);
            }
        }

        return null;
    }

    private enum WordKind { Number, Name, Ordinary }

    private static WordKind KindOf(string token) =>
        token.All(char.IsDigit) ? WordKind.Number : QuestionWords.IsName(token) ? WordKind.Name : WordKind.Ordinary;

    // "why?" or "when was that?" after "did the Soviets hide their losses?" or "when did the Soviets arrive?".
    private static string? NewQuestionWord(QuestionText asked, QuestionText previous)
    {
        var body = asked.Body;
        if (body.Count == 0 || !QuestionWords.ClauseQuestionWords.Contains(QuestionText.Lower(body[0])) || asked.ContentWords().Count > 0
            || (body.Count > 1 && QuestionText.Lower(body[1]) is "many" or "much"))
        {
            return null;
        }

        var frame = previous.Body;
        if (frame.Count > 1 && QuestionWords.Auxiliaries.Contains(QuestionText.Lower(frame[0])))
        {
            return QuestionText.Join([body[0], LowerFirst(frame[0]), .. frame.Skip(1)]);
        }

        if (frame.Count > 2 && QuestionWords.ClauseQuestionWords.Contains(QuestionText.Lower(frame[0])) && QuestionWords.Auxiliaries.Contains(QuestionText.Lower(frame[1])))
        {
            return QuestionText.Join([body[0], .. frame.Skip(1)]);
        }

        return null;
    }

    // "when did they arrive?" → the previous question's subject; "what happened there?" → its place.
    private static string? PronounReplaced(QuestionText asked, QuestionText previous)
    {
        var index = Anaphora.FirstUnbound(asked);
        if (index < 0)
        {
            return null;
        }

        var pronoun = QuestionText.Lower(asked.Tokens[index]);
        var phrase = pronoun switch
        {
            "there" => PlaceOf(previous),
            "they" or "them" or "he" or "him" or "she" => SubjectOf(previous),
            _ => null,
        };
        return phrase is null ? null : Replace(asked, (index, index + 1), phrase);
    }

    private static string WithContext(QuestionText asked, QuestionText previous, string askedText)
    {
        var context = previous.ContentWords(previous.Tokens).Select(t => t).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var own = askedText.Trim().TrimEnd('?', '.', '!', ' ');
        return context.Count == 0 ? askedText : $"{own} ({string.Join(' ', context)})?";
    }

    /// <summary>
    /// The previous question's subject: the counted phrase when it comes straight before its verb ("how many [North
    /// Korean Yak-9s] were left?"), otherwise the noun phrase after the first auxiliary ("where were [the Soviet
    /// pilots] based?", "how many planes did [the Soviet air force] lose?").
    /// </summary>
    private static IReadOnlyList<string>? SubjectOf(QuestionText question)
    {
        var tokens = question.Tokens;
        var (start, end) = question.QuantityPhrase();
        if (start >= 0 && end > start && end < tokens.Count && QuestionWords.IsVerb(QuestionText.Lower(tokens[end]))
            && QuestionText.Lower(tokens[end]) is not ("do" or "does" or "did"))
        {
            return tokens.Skip(start).Take(end - start).ToList();
        }

        for (var i = question.OpenerLength; i < tokens.Count; i++)
        {
            if (!QuestionWords.Auxiliaries.Contains(QuestionText.Lower(tokens[i])))
            {
                continue;
            }

            var phrase = tokens.Skip(i + 1).TakeWhile(QuestionText.IsNounPhraseWord).ToList();
            var stopsAtVerb = i + 1 + phrase.Count < tokens.Count && QuestionWords.IsVerb(QuestionText.Lower(tokens[i + 1 + phrase.Count]));
            if (!stopsAtVerb && phrase.Count > 1 && QuestionText.Lower(tokens[i]) is "do" or "does" or "did")
            {
                // "did the convoys sail from?": after "did" comes the subject, then a bare verb the word lists may
                // not know; the phrase ran on past it, so its last word is that verb.
                phrase.RemoveAt(phrase.Count - 1);
            }

            return phrase.Any(t => !QuestionWords.IsFunction(QuestionText.Lower(t))) ? phrase : null;
        }

        return null;
    }

    /// <summary>A preposition of place and the name after it: "[in Manchuria]", "[over the Yalu]".</summary>
    private static IReadOnlyList<string>? PlaceOf(QuestionText question)
    {
        var tokens = question.Tokens;
        for (var i = question.OpenerLength; i < tokens.Count - 1; i++)
        {
            if (!QuestionWords.PlacePrepositions.Contains(QuestionText.Lower(tokens[i])))
            {
                continue;
            }

            var phrase = tokens.Skip(i).Take(1).Concat(tokens.Skip(i + 1).TakeWhile(QuestionText.IsNounPhraseWord)).ToList();
            if (Enumerable.Range(i + 1, phrase.Count - 1).Any(question.IsNameAt))
            {
                return phrase;
            }
        }

        return null;
    }

    private static string? Replace(QuestionText question, (int Start, int End) range, IEnumerable<string> with)
    {
        if (range.Start < 0 || range.End <= range.Start)
        {
            return null;
        }

        var tokens = question.Tokens;
        return QuestionText.Join([.. tokens.Take(range.Start), .. with, .. tokens.Skip(range.End)]);
    }

    // A name used before a noun ("the Soviet air force") is an adjective: "the Americans" becomes "American".
    private static bool IsModifier(QuestionText question, int end) =>
        end < question.Tokens.Count && QuestionText.IsNounPhraseWord(question.Tokens[end]) && !QuestionWords.IsFunction(QuestionText.Lower(question.Tokens[end]));

    private static IReadOnlyList<string> AsModifierIf(bool modifier, IReadOnlyList<string> name)
    {
        var last = name[^1];
        if (!modifier || last.Length < 4 || !last.EndsWith('s') || last.EndsWith("ss", StringComparison.Ordinal))
        {
            return name;
        }

        return [.. name.Take(name.Count - 1), last[..^1]];
    }

    private static string LowerFirst(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && !char.IsUpper(word[1]) ? char.ToLowerInvariant(word[0]) + word[1..] : word;
}
