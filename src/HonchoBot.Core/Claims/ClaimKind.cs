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

    /// <summary>The date of an event ("the first MiG-15 patrols … began in November 1950").</summary>
    Event = 2,
}
