using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims;

/// <summary>
/// Every word list the claim extractor and the disagreement finder use, loaded once from
/// <c>claim-lexicon.json</c> and compiled into precompiled regexes and lookup tables.
/// </summary>
public sealed class ClaimLexicon
{
    /// <summary>
    /// A guard against pathological input, not a budget: passages are short, but the first match of a
    /// compiled pattern also pays for its JIT, which on a busy 2-core machine took over a second.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A hash of the rules' own source (every <c>Claims/**/*.cs</c> file), computed by the build and stamped on the
    /// assembly: a change to the rules changes <see cref="Hash"/> without anyone remembering to bump a number.
    /// </summary>
    public static string RulesHash { get; } =
        System.Reflection.CustomAttributeExtensions.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>(typeof(ClaimLexicon).Assembly)
            .FirstOrDefault(a => a.Key == "ClaimRulesHash")?.Value is { Length: > 0 } stamped
            ? stamped
            : throw new InvalidOperationException("The build did not stamp ClaimRulesHash on the assembly.");

    /// <summary>File name of the shipped lexicon, copied beside the binary under <c>lexicons/</c>.</summary>
    public const string FileName = "claim-lexicon.json";

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private ClaimLexicon(LexiconFile file, string hash)
    {
        Hash = hash;
        FileVersion = file.Version;
        ApproxWidening = file.ApproxWidening is > 0 and < 1 ? file.ApproxWidening : 0.1;

        // Numbers.
        Units = ToLookup(file.Numbers.Units);
        Tens = ToLookup(file.Numbers.Tens);
        Scales = ToLookup(file.Numbers.Scales);
        Informal = [.. file.Numbers.Informal.Select(p => new PhraseValue(TokenizePhrase(p.Key), p.Value, 0, p.Key))
            .OrderByDescending(p => p.Tokens.Length)];
        YearLow = file.Numbers.YearRange.Count == 2 ? file.Numbers.YearRange[0] : 1800;
        YearHigh = file.Numbers.YearRange.Count == 2 ? file.Numbers.YearRange[1] : 2099;
        Vague = [.. file.Vague.Select(v => new PhraseValue(TokenizePhrase(v.Phrase), v.Low, v.High, v.Phrase))
            .OrderByDescending(p => p.Tokens.Length)];
        VagueStarts = new PhraseStarts<PhraseValue>(Vague, p => p.Tokens);
        InformalStarts = new PhraseStarts<PhraseValue>(Informal, p => p.Tokens);
        Bounds = [.. file.Bounds.Select(b => new BoundPhrase(TokenizePhrase(b.Phrase), ParseBound(b.Kind, b.Phrase), b.After))
            .OrderByDescending(b => b.Tokens.Length)];
        RangeJoiners = new HashSet<string>(file.RangeJoiners, StringComparer.OrdinalIgnoreCase);
        DesignatorPrefixes = [.. file.DesignatorPrefixes.Select(TokenizePhrase)];

        // Sides.
        var sides = Hierarchy.Build(file.Sides, "side", s => s.Id, s => s.Parent, s => new SideInfo(s.Id, string.IsNullOrWhiteSpace(s.Label) ? s.Id : s.Label, s.Place));
        Sides = sides;
        foreach (var pair in file.Opposing)
        {
            Require(pair.Count == 2 && sides.ContainsKey(pair[0]) && sides.ContainsKey(pair[1]), "'opposing' pairs must name two known sides");
            sides[pair[0]].Opponent = sides[pair[1]];
            sides[pair[1]].Opponent = sides[pair[0]];
        }

        SideTerms = new TermMatcher<SideTerm>(
            file.Sides.SelectMany(s => s.Terms.Select(t => (t, new SideTerm(sides[s.Id]))))
                .Concat(file.EnemyTerms.Select(t => (t, new SideTerm(null)))),
            allowPlural: false, FirstWords);

        // Counted things.
        var things = Hierarchy.Build(file.Things, "thing", t => t.Id, t => t.Parent, t =>
        {
            SideInfo? side = null;
            Require(t.Side is null || sides.TryGetValue(t.Side, out side), $"thing '{t.Id}' has unknown side '{t.Side}'");
            return new ThingInfo(t.Id, string.IsNullOrWhiteSpace(t.Label) ? t.Id : t.Label, t.Family, side, t.Measure, t.AgentScope);
        });
        Things = things;
        ThingTerms = new TermMatcher<ThingInfo>(file.Things.SelectMany(t => t.Terms.Select(term => (term, things[t.Id]))), allowPlural: true, FirstWords);

        // Measures.
        var groups = file.MeasureGroups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var measures = new Dictionary<string, MeasureInfo>(StringComparer.Ordinal);
        var measureTerms = new List<(string, MeasureTerm)>();
        foreach (var m in file.Measures)
        {
            Require(groups.ContainsKey(m.Group), $"measure '{m.Id}' has unknown group '{m.Group}'");
            var group = groups[m.Group];
            var info = new MeasureInfo(m.Id, m.Group, group.Topic, string.Equals(m.Perspective, "attacker", StringComparison.OrdinalIgnoreCase), m.Label,
                ParseStatus(m.Status, $"measure '{m.Id}'"), group.CauseFromAgent);
            Require(measures.TryAdd(m.Id, info), $"measure '{m.Id}' is listed twice");
            var implies = new Dictionary<string, ThingInfo>(StringComparer.Ordinal);
            foreach (var (term, thing) in m.ImpliesThing)
            {
                Require(things.TryGetValue(thing, out var implied), $"measure '{m.Id}' implies unknown thing '{thing}'");
                implies[TermMatcher<int>.Normalize(term)] = implied!;
            }

            foreach (var term in m.Terms)
            {
                implies.TryGetValue(TermMatcher<int>.Normalize(term), out var implied);
                measureTerms.Add((term, new MeasureTerm(info, implied)));
            }

            foreach (var (term, implied) in m.ImpliesThing)
            {
                measureTerms.Add((term, new MeasureTerm(info, things[implied])));
            }
        }

        foreach (var t in things.Values.Where(t => t.DefaultMeasure is not null))
        {
            Require(measures.ContainsKey(t.DefaultMeasure!), $"thing '{t.Id}' has unknown measure '{t.DefaultMeasure}'");
        }

        Measures = measures;
        MeasureTerms = new TermMatcher<MeasureTerm>(measureTerms, allowPlural: false, FirstWords);

        // Scopes, cues.
        var scopeTerms = new List<(string, ScopeInfo)>();
        foreach (var s in file.Scopes)
        {
            ThingInfo? implied = null;
            Require(s.ImpliesThing is null || things.TryGetValue(s.ImpliesThing, out implied), $"scope '{s.Id}' implies unknown thing '{s.ImpliesThing}'");
            var info = new ScopeInfo(s.Id, s.Group, s.Label, implied);
            scopeTerms.AddRange(s.Terms.Select(t => (t, info)));
        }

        ScopeTerms = new TermMatcher<ScopeInfo>(scopeTerms, allowPlural: false, FirstWords);
        ScopeLabels = file.Scopes.ToDictionary(s => s.Id, s => s.Label, StringComparer.Ordinal);
        PerUnitTerms = new TermMatcher<string>(file.PerUnit.Select(t => (t, "per:unit")), allowPlural: false, FirstWords);
        PerPersonTerms = new TermMatcher<string>(file.PerPerson.Select(t => (t, "per:person")), allowPlural: false, FirstWords);
        NotNames = new HashSet<string>(file.NotNames, StringComparer.OrdinalIgnoreCase);
        RateTerms = new TermMatcher<string>(file.Rate.Select(t => (t, "rate")), allowPlural: false, FirstWords);
        PeakTerms = new TermMatcher<string>(file.Peak.Select(t => (t, "peak")), allowPlural: false, FirstWords);
        Require(file.CountQuestionGroup is null || groups.ContainsKey(file.CountQuestionGroup), $"countQuestionGroup '{file.CountQuestionGroup}' is not a measure group");
        CountQuestionGroup = file.CountQuestionGroup;
        EpistemicTerms = new TermMatcher<ClaimStatus>(
            file.Epistemic.SelectMany(e => e.Terms.Select(t => (t, ParseStatus(e.Class, $"epistemic '{e.Id}'")))), allowPlural: false, FirstWords);
        NegationTerms = new TermMatcher<string>(file.Negation.Select(t => (t, "negation")), allowPlural: false, FirstWords);
        RebuttalTerms = new TermMatcher<string>(file.Rebuttal.Select(t => (t, "rebuttal")), allowPlural: false, FirstWords);
        ChangeTerms = new TermMatcher<ClaimPhase>(
            file.Change.SelectMany(c => c.Terms.Select(t => (t, string.Equals(c.Phase, "early", StringComparison.OrdinalIgnoreCase) ? ClaimPhase.Early : ClaimPhase.Late))),
            allowPlural: false, FirstWords);

        // Time.
        WarFrom = ParseMonth(file.Time.War.From, "time.war.from");
        WarTo = ParseMonth(file.Time.War.To, "time.war.to");
        TimeCues = new TermMatcher<TimeCue>(
            file.Time.Whole.Select(t => (t, TimeCue.Whole))
                .Concat(file.Time.Onset.Select(t => (t, TimeCue.Onset)))
                .Concat(file.Time.End.Select(t => (t, TimeCue.End))),
            allowPlural: false, FirstWords);
        Months = new Dictionary<string, int>(file.Time.Months, StringComparer.OrdinalIgnoreCase);
        var monthAlternation = string.Join('|', file.Time.Months.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        var prepositions = string.Join('|', file.Time.DatePrepositions.OrderByDescending(k => k.Length).Select(p => Regex.Escape(p).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));
        // A date starts at a preposition, a month or a year: only there is it tried (see AnchoredScan).
        var monthWords = file.Time.Months.Keys.Select(TermMatcher<int>.FirstWord).ToList();
        var prepositionWords = file.Time.DatePrepositions.Select(TermMatcher<int>.FirstWord).ToList();
        Require(monthWords.Concat(prepositionWords).All(w => w is not null), "months and date prepositions must start with a letter or digit");
        var years = Enumerable.Range(1500, 600).Select(y => y.ToString(CultureInfo.InvariantCulture));
        Dates = new AnchoredScan(
            $@"(?<![\p{{L}}\p{{N}}])(?:(?<pre>{prepositions})\s+(?:the\s+)?)?(?:(?<mon>{monthAlternation})\.?\s+(?:\d{{1,2}},?\s+)?)?(?<y>1[5-9]\d\d|20\d\d)(?![\p{{L}}\p{{N}}])(?:\s*[–—-]\s*(?<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\p{{L}}\p{{N}}])|\s+(?:to|until|till|through|and)\s+(?:(?<mon2>{monthAlternation})\.?\s+)?(?<y3>1[5-9]\d\d|20\d\d)(?![\p{{L}}\p{{N}}]))?",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            MatchTimeout,
            prepositionWords.Concat(monthWords).Concat(years)!,
            FirstWords);

        // Days: "25 August 1954", "Aug. 25, 1954", "November 12" (a month word and a day number either way round).
        // A day date starts at a month or at a day number of one or two digits, maybe with an ordinal ending.
        var dayWords = Enumerable.Range(0, 100)
            .SelectMany(n => n < 10 ? [n.ToString(CultureInfo.InvariantCulture), "0" + n.ToString(CultureInfo.InvariantCulture)] : new[] { n.ToString(CultureInfo.InvariantCulture) })
            .SelectMany(n => new[] { n, n + "st", n + "nd", n + "rd", n + "th" });
        DayDates = new AnchoredScan(
            $@"(?<![\p{{L}}\p{{N}}])(?:(?<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>{monthAlternation})\.?(?:,?\s+(?<y1>1[5-9]\d\d|20\d\d))?|(?<m2>{monthAlternation})\.?\s+(?<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\p{{N}}]|[.,]\d)(?:,?\s+(?<y2>1[5-9]\d\d|20\d\d))?)(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            MatchTimeout,
            monthWords.Concat(dayWords)!,
            FirstWords);

        // Units ("64th Fighter Aviation Corps", "324th IAD"): an ordinal followed within three words by a unit noun;
        // the noun's level makes the key, so "324th IAD" and "324th Fighter Aviation Division" are one unit.
        UnitLevels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in file.Units)
        {
            Require(!string.IsNullOrWhiteSpace(unit.Level), "a unit entry has no level");
            foreach (var term in unit.Terms)
            {
                Require(UnitLevels.TryAdd(term, unit.Level), $"unit term '{term}' is listed twice");
            }
        }

        var unitNouns = string.Join('|', UnitLevels.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        UnitRegex = new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?<n>\d+)(?:st|nd|rd|th)\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}?(?<u>{unitNouns})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

        // Named episodes: a capitalised episode noun and the capitalised name after it ("Operation Strangle", "the
        // Battle of the Ch'ongch'on"); listed nicknames with their day ("Black Tuesday") come from EpisodeTerms.
        var episodeNouns = string.Join('|', file.EpisodeNouns.Select(Regex.Escape));
        EpisodeRegex = episodeNouns.Length == 0 ? null : new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{episodeNouns})\s+(?:of\s+(?:the\s+)?)?\p{{Lu}}[\p{{L}}'’\-]*(?:\s+\p{{Lu}}[\p{{L}}'’\-]*)*(?![\p{{L}}\p{{N}}])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        var episodes = new List<(string, EpisodeInfo)>();
        foreach (var e in file.Episodes)
        {
            DateOnly? day = null;
            if (e.Date is { } date)
            {
                Require(DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed), $"episode '{e.Id}' has date '{date}' (expected YYYY-MM-DD)");
                day = parsed;
            }

            var info = new EpisodeInfo(e.Id, string.IsNullOrWhiteSpace(e.Label) ? e.Id : e.Label, day);
            episodes.AddRange(e.Terms.Select(t => (t, info)));
        }

        EpisodeTerms = new TermMatcher<EpisodeInfo>(episodes, allowPlural: false, FirstWords);
        EngagementTerms = new TermMatcher<string>(file.EngagementNouns.Select(t => (t, "engagement")), allowPlural: true, FirstWords);
        TimeAnaphoraTerms = new TermMatcher<string>(file.TimeAnaphora.Select(t => (t, "moment")), allowPlural: false, FirstWords);
        RunningTotalTerms = new TermMatcher<string>(file.RunningTotals.Select(t => (t, "running")), allowPlural: false, FirstWords);
        FirstPersonTerms = new TermMatcher<string>(file.FirstPerson.Select(t => (t, "first-person")), allowPlural: false, FirstWords);
        SidePronouns = new HashSet<string>(file.SidePronouns, StringComparer.OrdinalIgnoreCase);
        SubsetMarkers = [.. file.SubsetMarkers.Select(TokenizePhrase).Where(m => m.Length > 0)];
        Copulas = new HashSet<string>(file.Copulas, StringComparer.OrdinalIgnoreCase);
        NotAlone = new HashSet<string>(file.Numbers.NotAlone, StringComparer.OrdinalIgnoreCase);

        // Wars other than the lexicon's own ("World War II"): figures of another war are never compared with it.
        var wars = new List<(string, WarInfo)>();
        foreach (var w in file.Wars)
        {
            Require(!string.IsNullOrWhiteSpace(w.Id), "a war has no id");
            var info = new WarInfo(w.Id, string.IsNullOrWhiteSpace(w.Label) ? w.Id : w.Label, ParseMonth(w.From, $"wars '{w.Id}'.from"), ParseMonth(w.To, $"wars '{w.Id}'.to"));
            wars.AddRange(w.Terms.Select(t => (t, info)));
        }

        WarTerms = new TermMatcher<WarInfo>(wars, allowPlural: false, FirstWords);
        Wars = [.. wars.Select(w => w.Item2).Distinct()];

        // People.
        var persons = file.Persons;
        var ranks = Hierarchy.Build(persons.Ranks, "rank", r => r.Id, r => r.Parent, r => new RankInfo(r.Id, string.IsNullOrWhiteSpace(r.Label) ? r.Id : r.Label));
        RankInfos = ranks;
        Ranks = [.. persons.Ranks.SelectMany(r => r.Terms.Select(t => (TokenizePhrase(t), (RankInfo?)ranks[r.Id])))
            .Concat(persons.Titles.Select(t => (TokenizePhrase(t), (RankInfo?)null)))
            .Where(r => r.Item1.Length > 0).OrderByDescending(r => r.Item1.Length)];
        RanksByFirstWord = Ranks.GroupBy(r => r.Phrase[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        RankWords = new HashSet<string>(Ranks.Where(r => r.Phrase.Count(t => t != ".") == 1).Select(r => r.Phrase[0]), StringComparer.OrdinalIgnoreCase);
        RankQuestionTerms = new TermMatcher<string>(file.Questions.Rank.Select(t => (t, "rank")), allowPlural: false, FirstWords);
        NameSuffixes = new HashSet<string>(persons.Suffixes.Select(x => x.TrimEnd('.')), StringComparer.Ordinal);
        Pronouns = new HashSet<string>(persons.Pronouns, StringComparer.OrdinalIgnoreCase);
        NameStops = new HashSet<string>(persons.NameStops, StringComparer.Ordinal);
        FollowVerbs = new HashSet<string>(persons.FollowVerbs, StringComparer.OrdinalIgnoreCase);
        LeadVerbs = new HashSet<string>(persons.LeadVerbs, StringComparer.OrdinalIgnoreCase);
        foreach (var fold in persons.Spelling)
        {
            Require(fold.Count == 2 && fold[0].Length > 0, "persons.spelling entries are [from, to] pairs");
        }

        SpellingFolds = [.. persons.Spelling.Select(f => (f[0].ToLowerInvariant(), f[1].ToLowerInvariant()))];

        // Superlatives.
        var superlatives = file.Superlatives.ToDictionary(e => e.Id, e => new SuperlativeInfo(e.Id, string.IsNullOrWhiteSpace(e.Label) ? e.Id : e.Label), StringComparer.Ordinal);
        Superlatives = superlatives;
        SuperlativeCues = new TermMatcher<SuperlativeInfo>(file.Superlatives.SelectMany(e => e.Cues.Select(t => (t, superlatives[e.Id]))), allowPlural: false, FirstWords);
        SuperlativeQuestionTerms = new TermMatcher<SuperlativeInfo>(file.Superlatives.SelectMany(e => e.QuestionTerms.Select(t => (t, superlatives[e.Id]))), allowPlural: false, FirstWords);
        foreach (var id in file.SuperlativeClasses)
        {
            Require(things.ContainsKey(id), $"superlativeClasses names unknown thing '{id}'");
        }

        SuperlativeClasses = [.. file.SuperlativeClasses.Select(id => things[id])];
        SuperlativeLinks = new HashSet<string>(file.SuperlativeLinks, StringComparer.OrdinalIgnoreCase);
        RankOrdinals = new Dictionary<string, int>(file.RankOrdinals, StringComparer.OrdinalIgnoreCase);
        GroupPronouns = new HashSet<string>(file.GroupPronouns, StringComparer.OrdinalIgnoreCase);
        TallyOrdinals = new Dictionary<string, int>(file.TallyAnchors.Ordinals, StringComparer.OrdinalIgnoreCase);
        TallyNouns = new TermMatcher<string>(file.TallyAnchors.Nouns.Select(t => (t, "tally")), allowPlural: false, FirstWords);
        TallyRelations = [.. file.TallyAnchors.After.Select(t => (TokenizePhrase(t), TallyRelation.After))
            .Concat(file.TallyAnchors.SameDay.Select(t => (TokenizePhrase(t), TallyRelation.SameDay)))
            .Concat(file.TallyAnchors.Before.Select(t => (TokenizePhrase(t), TallyRelation.Before)))
            .OrderByDescending(r => r.Item1.Length)];
        TallyQuestionTerms = new TermMatcher<string>(file.Questions.Tally.Select(t => (t, "tally")), allowPlural: false, FirstWords);
        RatioCues = new TermMatcher<string>(file.Ratios.Cues.Select(t => (t, "ratio")), allowPlural: true, FirstWords);
        RatioQuestionTerms = new TermMatcher<string>(file.Ratios.QuestionTerms.Select(t => (t, "ratio")), allowPlural: true, FirstWords);
        RatioJoiners = new HashSet<string>(file.Ratios.Joiners, StringComparer.OrdinalIgnoreCase);
        MembershipCues = [.. file.Membership.Select(TokenizePhrase).Where(m => m.Length > 0).OrderByDescending(m => m.Length)];

        // Places and attributes.
        var places = Hierarchy.Build(file.Places, "place", p => p.Id, p => p.Parent, p => new PlaceInfo(p.Id, string.IsNullOrWhiteSpace(p.Label) ? p.Id : p.Label));
        Places = places;
        PlaceTerms = new TermMatcher<PlaceInfo>(file.Places.SelectMany(p => p.Terms.Select(t => (t, places[p.Id]))), allowPlural: false, FirstWords);

        var attributes = new List<AttributeInfo>();
        foreach (var a in file.Attributes)
        {
            var isSide = string.Equals(a.ValueType, "side", StringComparison.OrdinalIgnoreCase);
            Require(isSide || string.Equals(a.ValueType, "place", StringComparison.OrdinalIgnoreCase), $"attribute '{a.Id}' has valueType '{a.ValueType}' (expected side or place)");
            attributes.Add(new AttributeInfo(a.Id, a.Label, a.Topic, isSide, !string.Equals(a.ValuePosition, "after", StringComparison.OrdinalIgnoreCase), a.RequiresUnit));
        }

        Attributes = attributes.ToDictionary(a => a.Id, StringComparer.Ordinal);
        AttributeCues = new TermMatcher<AttributeInfo>(file.Attributes.SelectMany(a => a.Cues.Select(t => (t, Attributes[a.Id]))), allowPlural: false, FirstWords);
        OwnTerms = new TermMatcher<AttributeInfo>(file.Attributes.SelectMany(a => a.OwnTerms.Select(t => (t, Attributes[a.Id]))), allowPlural: false, FirstWords);
        AttributeQuestionTerms = new TermMatcher<AttributeInfo>(file.Attributes.SelectMany(a => a.QuestionTerms.Select(t => (t, Attributes[a.Id]))), allowPlural: false, FirstWords);

        var events = new Dictionary<string, EventInfo>(StringComparer.Ordinal);
        foreach (var e in file.Events)
        {
            var isPerson = string.Equals(e.Subject, "person", StringComparison.OrdinalIgnoreCase);
            Require(isPerson || string.Equals(e.Subject, "thing", StringComparison.OrdinalIgnoreCase), $"event '{e.Id}' has subject '{e.Subject}' (expected thing or person)");
            Require(events.TryAdd(e.Id, new EventInfo(e.Id, e.Label, e.Topic, isPerson, e.Ordinal is { Length: > 0 } o ? TokenizePhrase(o) : null, e.Anchored)), $"event '{e.Id}' is listed twice");
        }

        Events = events;
        EventCues = new TermMatcher<EventInfo>(file.Events.Where(e => !events[e.Id].IsAboutPerson).SelectMany(e => e.Cues.Select(t => (t, events[e.Id]))), allowPlural: false, FirstWords);
        PersonEventCues = new TermMatcher<EventInfo>(file.Events.Where(e => events[e.Id].IsAboutPerson).SelectMany(e => e.Cues.Select(t => (t, events[e.Id]))), allowPlural: true, FirstWords);
        EventQuestionTerms = new TermMatcher<EventInfo>(file.Events.SelectMany(e => e.QuestionTerms.Select(t => (t, events[e.Id]))), allowPlural: false, FirstWords);
        // The display name of a month is its longest spelling in the lexicon ("November", not "nov").
        MonthNames = new string[13];
        foreach (var (name, month) in file.Time.Months.OrderBy(m => m.Key.Length).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            Require(month is >= 1 and <= 12, $"time.months '{name}' is month {month}");
            MonthNames[month] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name);
        }

        Require(MonthNames.Skip(1).All(n => n is not null), "time.months must name all twelve months");

        ClauseBreaks = [.. file.ClauseBreaks.Where(b => b.Length > 0)];
        Abbreviations = new HashSet<string>(file.Abbreviations, StringComparer.Ordinal);
        NounPhraseStops = new HashSet<string>(file.NounPhraseStops, StringComparer.OrdinalIgnoreCase);
        CountCues = [.. file.Questions.Count.Select(TokenizePhrase).Where(c => c.Length > 0)];
        DateQuestionTerms = new TermMatcher<string>(file.Questions.Date.Select(t => (t, "date")), allowPlural: false, FirstWords);
        OtherQuestionTerms = new TermMatcher<string>(file.Questions.Other.Select(t => (t, "other")), allowPlural: false, FirstWords);
        WhoQuestionTerms = new TermMatcher<string>(file.Questions.Who.Select(t => (t, "who")), allowPlural: false, FirstWords);
        AttributionTerms = new TermMatcher<string>(file.Questions.Attribution.Select(t => (t, "attribution")), allowPlural: false, FirstWords);
        NotCountTerms = new TermMatcher<string>(file.Questions.NotCounts.Select(t => (t, "not-count")), allowPlural: false, FirstWords);
        EngagementQuestionTerms = new TermMatcher<string>(file.Questions.Engagement.Select(t => (t, "engagement")), allowPlural: false, FirstWords);
        CumulativeDatePrepositions = new HashSet<string>(file.CumulativeDatePrepositions, StringComparer.OrdinalIgnoreCase);
        AgentMarkers = [.. file.AgentMarkers.Select(TokenizePhrase).Where(c => c.Length > 0)];
        FirstWords.Close();
    }

    /// <summary>
    /// SHA-256 (hex) of what the rules read: <see cref="RulesHash"/> and the lexicon file's bytes. Stored with the
    /// index: when it changes, the stored claims are stale and the index is rebuilt.
    /// </summary>
    public string Hash { get; }

    /// <summary>The <c>version</c> field of the file.</summary>
    public int FileVersion { get; }

    /// <summary>Every term list below by its terms' first words: a text's words are looked up once for all lists.</summary>
    internal FirstWordIndex FirstWords { get; } = new();

    internal double ApproxWidening { get; }
    internal FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> Units { get; }
    internal FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> Tens { get; }
    internal FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> Scales { get; }
    internal PhraseValue[] Informal { get; }
    internal int YearLow { get; }
    internal int YearHigh { get; }
    internal PhraseValue[] Vague { get; }
    internal PhraseStarts<PhraseValue> VagueStarts { get; }
    internal PhraseStarts<PhraseValue> InformalStarts { get; }
    internal BoundPhrase[] Bounds { get; }
    internal HashSet<string> RangeJoiners { get; }
    internal string[][] DesignatorPrefixes { get; }
    internal Dictionary<string, SideInfo> Sides { get; }
    internal TermMatcher<SideTerm> SideTerms { get; }
    internal Dictionary<string, ThingInfo> Things { get; }
    internal TermMatcher<ThingInfo> ThingTerms { get; }
    internal Dictionary<string, MeasureInfo> Measures { get; }
    internal TermMatcher<MeasureTerm> MeasureTerms { get; }
    internal TermMatcher<ScopeInfo> ScopeTerms { get; }
    internal Dictionary<string, string> ScopeLabels { get; }
    internal TermMatcher<string> PerUnitTerms { get; }

    internal TermMatcher<string> PerPersonTerms { get; }

    /// <summary>Title-case words that never make a question about one person.</summary>
    internal HashSet<string> NotNames { get; }
    internal TermMatcher<string> RateTerms { get; }

    /// <summary>"at its peak", "at any one time": a peak figure, not a cumulative total.</summary>
    internal TermMatcher<string> PeakTerms { get; }

    /// <summary>The measure group a "how many X" question without a measure verb asks about ("how many MiGs were there").</summary>
    internal string? CountQuestionGroup { get; }
    internal TermMatcher<ClaimStatus> EpistemicTerms { get; }
    internal TermMatcher<string> NegationTerms { get; }
    internal TermMatcher<string> RebuttalTerms { get; }
    internal TermMatcher<ClaimPhase> ChangeTerms { get; }
    internal int WarFrom { get; }
    internal int WarTo { get; }
    internal TermMatcher<TimeCue> TimeCues { get; }
    internal Dictionary<string, int> Months { get; }
    /// <summary>Years, months and ranges with their preposition ("by mid-1951", "from 1950 to 1953").</summary>
    internal AnchoredScan Dates { get; }
    internal Regex UnitRegex { get; }
    /// <summary>Days: "25 August 1954", "Aug. 25, 1954", "November 12".</summary>
    internal AnchoredScan DayDates { get; }

    /// <summary>Unit nouns ("IAD", "Division") to the level they name ("division").</summary>
    internal Dictionary<string, string> UnitLevels { get; }
    internal Regex? EpisodeRegex { get; }
    internal TermMatcher<EpisodeInfo> EpisodeTerms { get; }
    internal TermMatcher<string> EngagementTerms { get; }
    internal TermMatcher<string> TimeAnaphoraTerms { get; }
    internal TermMatcher<string> RunningTotalTerms { get; }
    internal TermMatcher<string> FirstPersonTerms { get; }
    internal HashSet<string> SidePronouns { get; }
    internal string[][] SubsetMarkers { get; }
    internal HashSet<string> Copulas { get; }
    internal HashSet<string> NotAlone { get; }
    internal TermMatcher<WarInfo> WarTerms { get; }
    internal WarInfo[] Wars { get; }
    /// <summary>Rank and title spellings as tokens, longest first; a title has no rank.</summary>
    internal (string[] Phrase, RankInfo? Rank)[] Ranks { get; }
    internal Dictionary<string, RankInfo> RankInfos { get; }

    /// <summary>Rank and title spellings by their first word, so a name scan tries only the ranks that can start at a word.</summary>
    internal Dictionary<string, (string[] Phrase, RankInfo? Rank)[]>.AlternateLookup<ReadOnlySpan<char>> RanksByFirstWord { get; }
    internal TermMatcher<string> RankQuestionTerms { get; }
    internal HashSet<string> RankWords { get; }
    internal HashSet<string> NameSuffixes { get; }
    internal HashSet<string> Pronouns { get; }
    internal HashSet<string> NameStops { get; }
    internal HashSet<string> FollowVerbs { get; }
    internal HashSet<string> LeadVerbs { get; }
    internal (string From, string To)[] SpellingFolds { get; }
    internal Dictionary<string, SuperlativeInfo> Superlatives { get; }
    internal TermMatcher<SuperlativeInfo> SuperlativeCues { get; }
    internal TermMatcher<SuperlativeInfo> SuperlativeQuestionTerms { get; }
    internal ThingInfo[] SuperlativeClasses { get; }
    internal HashSet<string> SuperlativeLinks { get; }
    internal Dictionary<string, int> RankOrdinals { get; }
    internal HashSet<string> GroupPronouns { get; }
    internal string[][] MembershipCues { get; }
    internal TermMatcher<string> RatioCues { get; }
    internal Dictionary<string, int> TallyOrdinals { get; }
    internal TermMatcher<string> TallyNouns { get; }
    internal (string[] Phrase, TallyRelation Relation)[] TallyRelations { get; }
    internal TermMatcher<string> TallyQuestionTerms { get; }
    internal TermMatcher<string> RatioQuestionTerms { get; }
    internal HashSet<string> RatioJoiners { get; }
    internal Dictionary<string, PlaceInfo> Places { get; }
    internal TermMatcher<PlaceInfo> PlaceTerms { get; }
    internal Dictionary<string, AttributeInfo> Attributes { get; }
    internal TermMatcher<AttributeInfo> AttributeCues { get; }
    internal TermMatcher<AttributeInfo> OwnTerms { get; }
    internal TermMatcher<AttributeInfo> AttributeQuestionTerms { get; }
    internal Dictionary<string, EventInfo> Events { get; }
    internal TermMatcher<EventInfo> EventCues { get; }
    internal TermMatcher<EventInfo> PersonEventCues { get; }
    internal TermMatcher<EventInfo> EventQuestionTerms { get; }
    internal string[] MonthNames { get; }
    internal string[] ClauseBreaks { get; }
    internal HashSet<string> Abbreviations { get; }

    /// <summary>Words that end the noun phrase after a figure.</summary>
    internal HashSet<string> NounPhraseStops { get; }

    /// <summary>Phrases (as tokens) before the counted thing of a question: "how many", "number of".</summary>
    internal string[][] CountCues { get; }
    internal TermMatcher<string> DateQuestionTerms { get; }
    internal TermMatcher<string> OtherQuestionTerms { get; }
    internal TermMatcher<string> WhoQuestionTerms { get; }
    internal TermMatcher<string> NotCountTerms { get; }

    /// <summary>Question words that ask for one party's account ("does China say"); see <see cref="Questions.QuestionFrame.IsAttributed"/>.</summary>
    internal TermMatcher<string> AttributionTerms { get; }
    internal TermMatcher<string> EngagementQuestionTerms { get; }
    internal HashSet<string> CumulativeDatePrepositions { get; }

    /// <summary>Phrases (as tokens) before the agent of a passive: "by".</summary>
    internal string[][] AgentMarkers { get; }

    /// <summary>Loads and compiles a lexicon file. Throws <see cref="InvalidDataException"/> naming the problem when the file is malformed.</summary>
    public static ClaimLexicon Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Claim lexicon not found: {path}", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Loads the shipped lexicon from <c>AppContext.BaseDirectory/lexicons/claim-lexicon.json</c>.</summary>
    public static ClaimLexicon LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, "lexicons", FileName));

    /// <summary>Compiles a lexicon from the bytes of a JSON file; <paramref name="origin"/> names it in errors.</summary>
    public static ClaimLexicon Parse(ReadOnlySpan<byte> utf8Json, string origin = "claim lexicon")
    {
        LexiconFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LexiconFile>(utf8Json, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: not valid lexicon JSON ({ex.Message})", ex);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{origin}: empty lexicon");
        }

        var prefix = Encoding.ASCII.GetBytes($"rules:{RulesHash}\n");
        var hashInput = new byte[prefix.Length + utf8Json.Length];
        prefix.CopyTo(hashInput, 0);
        utf8Json.CopyTo(hashInput.AsSpan(prefix.Length));
        var hash = Convert.ToHexStringLower(SHA256.HashData(hashInput));
        try
        {
            return new ClaimLexicon(file, hash);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{origin}: {ex.Message}", ex);
        }
    }

    internal static string[] TokenizePhrase(string phrase) =>
        [.. TextTokens.TokenRegex.Matches(phrase).Select(m => m.Value.ToLowerInvariant())];

    private static FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> ToLookup(Dictionary<string, long> source) =>
        new Dictionary<string, long>(source, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static ClaimStatus ParseStatus(string? status, string owner) =>
        status is null ? ClaimStatus.Unknown
        : Enum.TryParse<ClaimStatus>(status, ignoreCase: true, out var parsed) && parsed != ClaimStatus.Unknown ? parsed
        : throw new InvalidDataException($"{owner} has status '{status}' (expected claim, record or estimate)");

    private static BoundKind ParseBound(string kind, string phrase) =>
        Enum.TryParse<BoundKind>(kind, ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidDataException($"bound '{phrase}' has unknown kind '{kind}'");

    private static int ParseMonth(string text, string field)
    {
        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            return (year * 100) + month;
        }

        throw new InvalidDataException($"{field} must be written YYYY-MM, not '{text}'");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }
}
