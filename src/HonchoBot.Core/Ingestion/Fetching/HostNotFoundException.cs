namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>The host name did not resolve.</summary>
public sealed class HostNotFoundException(string host) : IOException($"the host {host} could not be found");
