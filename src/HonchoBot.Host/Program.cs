using HonchoBot.Host.Cli;

return await HonchoCli.RunAsync(args);
