namespace HonchoBot.Core.Pipeline;

/// <summary>Rate-limit settings (appsettings <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int PerUserPerMinute { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int PerChannelPerMinute { get; set; } = 30;
}
