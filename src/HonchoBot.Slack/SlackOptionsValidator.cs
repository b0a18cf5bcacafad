using Microsoft.Extensions.Options;

namespace HonchoBot.Slack;

/// <summary>
/// docs/slack-setup.md: Slack needs <c>BotToken</c> and at least one of
/// <c>AppToken</c> (Socket Mode) or <c>SigningSecret</c> (HTTP). Failures name the key so Host can exit 2 with it.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.");
        }

        if (!options.Enabled)
        {
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is required when Slack:Enabled is true (an xoxb- bot token).");
        }

        if (!options.HasAppToken && !options.HasSigningSecret)
        {
            failures.Add("Slack:AppToken (Socket Mode) or Slack:SigningSecret (HTTP endpoints) is required when Slack:Enabled is true.");
        }

        if (options.HasAppToken && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token starting with xapp-.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
