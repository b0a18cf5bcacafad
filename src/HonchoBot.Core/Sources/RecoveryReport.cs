namespace HonchoBot.Core.Sources;

/// <summary>What start-up recovery did with adds a crash left half-done.</summary>
public sealed record RecoveryReport(int Completed, int RolledBack)
{
    public static RecoveryReport None { get; } = new(0, 0);
}
