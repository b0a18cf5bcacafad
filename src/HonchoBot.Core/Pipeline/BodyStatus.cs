namespace HonchoBot.Core.Pipeline;

/// <summary>What reading an inbound request body came to.</summary>
public enum BodyStatus
{
    /// <summary>The whole body, within the cap.</summary>
    Read,

    /// <summary>Declared or found to be over the cap; reading stopped there.</summary>
    TooLarge,

    /// <summary>The transport could not frame it: a bad chunk size, an oversized trailer, a body cut short.</summary>
    Malformed,
}
