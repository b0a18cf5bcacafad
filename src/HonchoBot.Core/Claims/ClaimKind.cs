namespace HonchoBot.Core.Claims;

/// <summary>
/// What a claim states. Each kind has one strategy (<c>Kinds/</c>) that extracts it, compares two of it and
/// matches it against a question; <c>ClaimKinds</c> refuses to start without one for every value.
/// </summary>
public enum ClaimKind
{
    /// <summary>A counted figure such as "792 MiG-15s" or "thirty-five to forty aircraft each".</summary>
    Quantity = 0,

    /// <summary>A functional attribute with exclusive values, such as the markings Soviet-flown MiGs carried.</summary>
    Attribute = 1,

    /// <summary>The date of an event ("the first MiG-15 patrols … began in November 1950", "McConnell died on …").</summary>
    Event = 2,

    /// <summary>Who or which unit holds a top place ("the top-scoring Soviet ace was …", "the first jet ace").</summary>
    Superlative = 3,

    /// <summary>Which unit a person or a unit belonged to ("Sutyagin flew with the 17th IAP").</summary>
    Membership = 4,

    /// <summary>A kill ratio ("a kill ratio of about 8:1", "closer to three to one").</summary>
    Ratio = 5,

    /// <summary>A person's rank on a given day ("Lt. Col. James Jabara … on May 20, 1951").</summary>
    Rank = 6,
}
