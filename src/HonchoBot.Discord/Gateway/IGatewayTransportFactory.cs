namespace HonchoBot.Discord.Gateway;

/// <summary>Makes a fresh transport for each connection attempt.</summary>
public interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}
