namespace HonchoBot.Discord.Interactions;

public sealed record InteractionUser(string Id, string DisplayName);
