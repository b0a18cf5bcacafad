using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Tests.Claims;

public sealed class PersonNamesTests
{
    private static List<PersonRef> Find(string text) =>
        TaggedText.Create(text, ClaimTestKit.Lexicon).Persons;

    [Theory]
    [InlineData("Pepelyaev", "Pepelyayev")]
    [InlineData("Sutyagin", "Sutiagin")]
    [InlineData("Garrett", "Garret")]
    [InlineData("McConnell", "mcconel")]
    [InlineData("Kozhedub", "Kojedub")]
    [InlineData("Kramarenko", "KRAMARENKO")]
    public void Key_TransliterationAndSpellingVariants_FoldToOneKey(string first, string second) =>
        Assert.Equal(PersonNames.Key(first, ClaimTestKit.Lexicon), PersonNames.Key(second, ClaimTestKit.Lexicon));

    [Theory]
    [InlineData("Sutyagin", "Sukhov")]
    [InlineData("Jabara", "Jabari")]
    public void Key_DifferentSurnames_StayApart(string first, string second) =>
        Assert.NotEqual(PersonNames.Key(first, ClaimTestKit.Lexicon), PersonNames.Key(second, ClaimTestKit.Lexicon));

    [Theory]
    [InlineData("The review praised Maj. Gen. Ivan N. Kozhedub for his leadership.", "Kozhedub")]
    [InlineData("Yesterday Capt. Harold Fischer Jr. spoke at the museum.", "Fischer")]
    [InlineData("A crew found the wreck that Wang Hai had ditched.", "Hai")]
    [InlineData("It was then that Colonel Thyng took command.", "Thyng")]
    public void Find_NameWithRankInitialsOrSuffix_IsKeyedBySurname(string text, string surname)
    {
        var person = Assert.Single(Find(text), p => !p.IsPronoun);

        Assert.Equal(surname, person.Name);
        Assert.Equal(PersonNames.Key(surname, ClaimTestKit.Lexicon), person.Key);
    }

    [Fact]
    public void Find_LoneCapitalisedWord_IsAPersonOnlyBeforeAPersonsVerbOrPossessive()
    {
        Assert.Contains(Find("Sutyagin flew with the regiment."), p => p.Name == "Sutyagin");
        Assert.Contains(Find("Everyone knew Kramarenko's record."), p => p.Name == "Kramarenko");
        Assert.Empty(Find("Exaggerated stories were common."));
        Assert.Empty(Find("The tour ended at Okinawa in the spring."));
    }

    [Fact]
    public void Find_Pronoun_ResolvesToTheLastPersonNamedBeforeIt()
    {
        var persons = Find("Major Vermont Garrison arrived in 1952. He later commanded a wing.");

        var he = Assert.Single(persons, p => p.IsPronoun);
        Assert.Equal(PersonNames.Key("Garrison", ClaimTestKit.Lexicon), he.Key);
    }

    [Fact]
    public void Find_LexiconTermsAndInstitutions_AreNotNames()
    {
        Assert.Empty(Find("The Soviet Air Force and the United States Air Force met over North Korea."));
    }
}
