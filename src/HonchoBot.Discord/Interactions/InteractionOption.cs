using System.Text.Json;

namespace HonchoBot.Discord.Interactions;

public sealed record InteractionOption(string Name, int Type, JsonElement? Value, IReadOnlyList<InteractionOption> Options, bool IsFocused);
