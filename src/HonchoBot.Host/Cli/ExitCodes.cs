namespace HonchoBot.Host.Cli;

/// <summary>Exit codes (docs/json-contract.md): 0 ok, 1 runtime failure, 2 usage or configuration error.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}

/// <summary>A usage or configuration error: exit code 2 with this message on stderr.</summary>
internal sealed class UsageException(string message) : Exception(message);
