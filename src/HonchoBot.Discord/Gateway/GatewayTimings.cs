namespace HonchoBot.Discord.Gateway;

/// <summary>
/// Delays of the gateway client, as one object so tests can shorten them (with the same code paths).
/// Defaults follow docs/platform-protocols.md: identify concurrency of one per 5 s, and back-off that grows.
/// </summary>
public sealed class GatewayTimings
{
    /// <summary>First reconnect delay (scaled by jitter 0.5–1); doubles per consecutive failure.</summary>
    public TimeSpan ReconnectBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectCap { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary><c>max_concurrency</c> identifies per 5 seconds (docs/platform-protocols.md).</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After op 9 (not resumable): a short random wait before identifying again (docs/platform-protocols.md).</summary>
    public TimeSpan InvalidSessionMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for Hello after connecting before giving up on the connection.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
