using System.Text.Json;

namespace HonchoBot.Discord.Gateway;

/// <summary>A dispatch (op 0) handed to the adapter: event name and data.</summary>
public sealed record GatewayDispatch(string Type, JsonElement Data);
