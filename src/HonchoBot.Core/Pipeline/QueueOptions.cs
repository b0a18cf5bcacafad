namespace HonchoBot.Core.Pipeline;

/// <summary>Queue and worker settings (appsettings <c>Server</c>).</summary>
public sealed class QueueOptions
{
    public const string Section = "Server";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Workers { get; set; } = 2;

    [System.ComponentModel.DataAnnotations.Range(0, 600)]
    public int ShutdownSeconds { get; set; } = 20;
}
