using System.Globalization;
using System.Text.RegularExpressions;
using HonchoBot.Core.Claims.Lexicon;

namespace HonchoBot.Core.Claims.Text;

/// <summary>A text with every lexicon term found once: the shared ground for claims and questions.</summary>
internal sealed class TaggedText
{
    private TaggedText(TextTokens tokens, ClaimLexicon lexicon)
    {
        Tokens = tokens;
        var text = tokens.Text;
        var words = Words = TextWords.Of(text, lexicon.FirstWords);
        Sides = lexicon.SideTerms.Find(text, words);
        Places = lexicon.PlaceTerms.Find(text, words);

        // A place named after a thing ("MiG Alley") is a place, not MiGs.
        Things = lexicon.ThingTerms.Find(text, words).Where(t => !Places.Exists(p => t.Start < p.End && p.Start < t.End)).ToList();
        Measures = lexicon.MeasureTerms.Find(text, words);
        Scopes = lexicon.ScopeTerms.Find(text, words);
        PerUnit = lexicon.PerUnitTerms.Find(text, words);
        PerPerson = lexicon.PerPersonTerms.Find(text, words);
        Rate = lexicon.RateTerms.Find(text, words);
        Peak = lexicon.PeakTerms.Find(text, words);
        Epistemic = lexicon.EpistemicTerms.Find(text, words);
        Negation = lexicon.NegationTerms.Find(text, words);
        Rebuttal = lexicon.RebuttalTerms.Find(text, words);
        Change = lexicon.ChangeTerms.Find(text, words);
        TimeCues = lexicon.TimeCues.Find(text, words);
        AttributeCues = lexicon.AttributeCues.Find(text, words);
        Own = lexicon.OwnTerms.Find(text, words);
        Events = lexicon.EventCues.Find(text, words);
        PersonEvents = lexicon.PersonEventCues.Find(text, words);
        Superlatives = lexicon.SuperlativeCues.Find(text, words);
        RatioCues = lexicon.RatioCues.Find(text, words);
        TallyNouns = lexicon.TallyNouns.Find(text, words);
        Dates = FindDates(text, words, lexicon);
        Units = FindUnits(text, lexicon);
        Episodes = FindEpisodes(text, lexicon);
        EpisodeNames = lexicon.EpisodeTerms.Find(text, words);
        Engagements = lexicon.EngagementTerms.Find(text, words);
        TimeAnaphora = lexicon.TimeAnaphoraTerms.Find(text, words);
        RunningTotals = lexicon.RunningTotalTerms.Find(text, words);
        FirstPerson = lexicon.FirstPersonTerms.Find(text, words);
        Wars = lexicon.WarTerms.Find(text, words);
        DayDates = FindDayDates(tokens, words, lexicon, Dates);
        Persons = PersonNames.Find(tokens, lexicon, KnownSpans());
    }

    public TextTokens Tokens { get; }

    /// <summary>The text's words, for more term lists to be matched against it without finding them again.</summary>
    public TextWords Words { get; }
    public string Text => Tokens.Text;
    public List<TermHit<SideTerm>> Sides { get; }
    public List<TermHit<ThingInfo>> Things { get; }
    public List<TermHit<MeasureTerm>> Measures { get; }
    public List<TermHit<ScopeInfo>> Scopes { get; }
    public List<TermHit<string>> PerUnit { get; }

    public List<TermHit<string>> PerPerson { get; }
    public List<TermHit<string>> Rate { get; }
    public List<TermHit<string>> Peak { get; }
    public List<TermHit<ClaimStatus>> Epistemic { get; }
    public List<TermHit<string>> Negation { get; }
    public List<TermHit<string>> Rebuttal { get; }
    public List<TermHit<ClaimPhase>> Change { get; }
    public List<TermHit<TimeCue>> TimeCues { get; }
    public List<TermHit<PlaceInfo>> Places { get; }
    public List<TermHit<AttributeInfo>> AttributeCues { get; }
    public List<TermHit<AttributeInfo>> Own { get; }
    public List<TermHit<EventInfo>> Events { get; }
    public List<TermHit<EventInfo>> PersonEvents { get; }
    public List<TermHit<SuperlativeInfo>> Superlatives { get; }
    public List<TermHit<string>> RatioCues { get; }
    public List<TermHit<string>> TallyNouns { get; }
    public List<DateHit> Dates { get; }
    public List<UnitHit> Units { get; }

    /// <summary>Named battles and operations, keyed like units ("operation strangle").</summary>
    public List<UnitHit> Episodes { get; }

    /// <summary>Listed nicknames of battles and raids ("Black Tuesday"), with their day.</summary>
    public List<TermHit<EpisodeInfo>> EpisodeNames { get; }

    /// <summary>"raid", "battle": with a day in its clause, a figure is about that one engagement.</summary>
    public List<TermHit<string>> Engagements { get; }

    public List<TermHit<string>> TimeAnaphora { get; }
    public List<TermHit<string>> RunningTotals { get; }
    public List<TermHit<string>> FirstPerson { get; }
    public List<TermHit<WarInfo>> Wars { get; }
    public List<DayDate> DayDates { get; }

    /// <summary>People named, and pronouns resolved to them.</summary>
    public List<PersonRef> Persons { get; }

    public static TaggedText Create(string text, ClaimLexicon lexicon) => new(TextTokens.Create(text, lexicon), lexicon);

    /// <summary>Number of tokens between two character offsets (0 when adjacent).</summary>
    public int TokensBetween(int from, int to) => from >= to ? 0 : Math.Max(0, Tokens.TokenAt(to) - Tokens.TokenAt(from));

    private static List<DateHit> FindDates(string text, TextWords words, ClaimLexicon lexicon)
    {
        var hits = new List<DateHit>();
        foreach (var m in lexicon.Dates.Matches(text, words))
        {
            var year = int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            if (year < lexicon.YearLow || year > lexicon.YearHigh)
            {
                continue;
            }

            var month = m.Groups["mon"].Success ? lexicon.Months[m.Groups["mon"].Value] : 0;
            var endYear = year;
            var endMonth = month;
            var isRange = false;
            if (m.Groups["y2"].Success)
            {
                var y2 = int.Parse(m.Groups["y2"].ValueSpan, CultureInfo.InvariantCulture);
                endYear = y2 < 100 ? (year / 100 * 100) + y2 : y2;
                endMonth = 0;
                isRange = true;
            }
            else if (m.Groups["y3"].Success)
            {
                endYear = int.Parse(m.Groups["y3"].ValueSpan, CultureInfo.InvariantCulture);
                endMonth = m.Groups["mon2"].Success ? lexicon.Months[m.Groups["mon2"].Value] : 0;
                isRange = true;
            }

            if (endYear < year)
            {
                continue;
            }

            var from = (year * 100) + (month == 0 ? 1 : month);
            var to = (endYear * 100) + (endMonth == 0 ? 12 : endMonth);
            var pre = m.Groups["pre"].Success ? Regex.Replace(m.Groups["pre"].Value.ToLowerInvariant(), @"\s+", " ") : "";
            var scope = (pre, isRange) switch
            {
                ("by", false) => new TimeScope(TimeScopeKind.By, lexicon.WarFrom, to),
                ("since" or "from", false) => new TimeScope(TimeScopeKind.Period, from, lexicon.WarTo),
                ("until" or "till" or "before", false) => new TimeScope(TimeScopeKind.Period, lexicon.WarFrom, to),
                _ => new TimeScope(TimeScopeKind.Period, from, to),
            };
            hits.Add(new DateHit(m.Index, m.Index + m.Length, scope));
        }

        return hits;
    }

    /// <summary>Spans of lexicon terms: a word inside one is never part of a person's name.</summary>
    public List<(int Start, int End)> KnownSpans()
    {
        var known = new List<(int, int)>();
        known.AddRange(Sides.Select(h => (h.Start, h.End)));
        known.AddRange(Things.Select(h => (h.Start, h.End)));
        known.AddRange(Places.Select(h => (h.Start, h.End)));
        known.AddRange(Units.Select(h => (h.Start, h.End)));
        known.AddRange(Episodes.Select(h => (h.Start, h.End)));
        known.AddRange(EpisodeNames.Select(h => (h.Start, h.End)));
        known.AddRange(Dates.Select(h => (h.Start, h.End)));
        known.AddRange(DayDates.Select(h => (h.Start, h.End)));
        known.AddRange(TimeCues.Select(h => (h.Start, h.End)));
        known.AddRange(Wars.Select(h => (h.Start, h.End)));
        known.AddRange(Scopes.Select(h => (h.Start, h.End)));
        known.AddRange(Measures.Select(h => (h.Start, h.End)));
        return known;
    }

    /// <summary>
    /// Dates with a day. One without a year takes the year of a bare year in its sentence ("on Nov. 8 … that day in
    /// 1950"), else stays without one.
    /// </summary>
    private static List<DayDate> FindDayDates(TextTokens tokens, TextWords words, ClaimLexicon lexicon, List<DateHit> periods)
    {
        var hits = new List<DayDate>();
        var text = tokens.Text;
        foreach (var m in lexicon.DayDates.Matches(text, words))
        {
            var first = m.Groups["d1"].Success;
            var day = int.Parse(m.Groups[first ? "d1" : "d2"].ValueSpan, CultureInfo.InvariantCulture);
            var month = lexicon.Months[m.Groups[first ? "m1" : "m2"].Value];
            var yearGroup = m.Groups[first ? "y1" : "y2"];
            if (day is < 1 or > 31)
            {
                continue;
            }

            int? year = yearGroup.Success ? int.Parse(yearGroup.ValueSpan, CultureInfo.InvariantCulture) : null;
            if (year is null)
            {
                var sentence = tokens.SentenceOf(m.Index);
                var years = periods.Where(p => p.Start >= sentence.Start && p.End <= sentence.End && p.Scope.From / 100 == p.Scope.To / 100
                    && p.Scope.From % 100 == 1 && p.Scope.To % 100 == 12 && (p.End <= m.Index || p.Start >= m.Index + m.Length)).ToList();
                if (years.Count == 1)
                {
                    year = years[0].Scope.From / 100;
                }
            }

            hits.Add(new DayDate(m.Index, m.Index + m.Length, new ClaimDate(year, month, day)));
        }

        return hits;
    }

    private static List<UnitHit> FindEpisodes(string text, ClaimLexicon lexicon)
    {
        var hits = new List<UnitHit>();
        if (lexicon.EpisodeRegex is null)
        {
            return hits;
        }

        for (var m = lexicon.EpisodeRegex.Match(text); m.Success; m = m.NextMatch())
        {
            hits.Add(new UnitHit(m.Index, m.Index + m.Length, TermMatcher<int>.Normalize(m.Value)));
        }

        return hits;
    }

    private static List<UnitHit> FindUnits(string text, ClaimLexicon lexicon)
    {
        var hits = new List<UnitHit>();
        for (var m = lexicon.UnitRegex.Match(text); m.Success; m = m.NextMatch())
        {
            hits.Add(new UnitHit(m.Index, m.Index + m.Length, $"{m.Groups["n"].Value} {lexicon.UnitLevels[m.Groups["u"].Value]}"));
        }

        return hits;
    }
}
