namespace HonchoBot.Slack.Http;

/// <summary>Why a signed request was accepted or not.</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
    NotConfigured,
}
