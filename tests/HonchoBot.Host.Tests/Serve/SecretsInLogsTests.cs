using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>
/// Issue 7, "Logging": tokens and signing secrets are never logged, and question text never above Debug,
/// even at Trace level while both adapters fail to connect and questions arrive.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string DiscordToken = "MTEwMDAw.SENTINELdiscordTOKEN.x9Kq2";
    private const string DiscordPublicKey = "a11ce5ec2e7b0b5ea11ce5ec2e7b0b5ea11ce5ec2e7b0b5ea11ce5ec2e7b0b5e";
    private const string SlackBotToken = "xoxb-9999-SENTINELslackBOT-tok";
    private const string SlackAppToken = "xapp-1-A9999-SENTINELslackAPP-tok";
    private const string SlackSigningSecret = "5e17e1f00dba11ce5e17e1f00dba11ce";
    private const string QuestionMarker = "Zanzibarquux";

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>The real answerer, with a record of the questions it was asked.</summary>
    private sealed class RecordingAnswerer(QuestionAnswerer inner) : IQuestionAnswerer
    {
        public ConcurrentQueue<Question> Asked { get; } = new();

        public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
        {
            var answer = await inner.AnswerAsync(question, cancellationToken);
            Asked.Enqueue(question);
            return answer;
        }
    }

    [Fact]
    public async Task At_trace_level_no_token_or_secret_is_ever_logged_and_question_text_stays_at_debug_or_below()
    {
        var port = ClosedPort.Get();
        var logs = new LogCapture();
        RecordingAnswerer? answerer = null;
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Discord:Enabled"] = "true",
            ["Discord:Token"] = DiscordToken,
            ["Discord:ApplicationId"] = "1100000000000000001",
            ["Discord:PublicKey"] = DiscordPublicKey,
            ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/v10",
            ["Discord:GatewayUrl"] = $"ws://127.0.0.1:{port}/gateway",
            ["Slack:Enabled"] = "true",
            ["Slack:BotToken"] = SlackBotToken,
            ["Slack:AppToken"] = SlackAppToken,
            ["Slack:SigningSecret"] = SlackSigningSecret,
            ["Slack:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/",
        };
        await using (var server = await RunningServer.StartAsync(Corpus, settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IQuestionAnswerer>(sp => answerer = new RecordingAnswerer(sp.GetRequiredService<QuestionAnswerer>()));
            services.AddSingleton(EndToEndTests.FastGateway());
        }))
        {
            var index = server.Services.GetRequiredService<HonchoBot.Core.Retrieval.IndexHost>();
            await Wait.UntilAsync(() => index.IsReady, "the index");

            // A question through the pipeline with a chat origin, as the adapters ask.
            var pipeline = server.Services.GetRequiredService<IQuestionAnswerer>();
            var origin = new QuestionOrigin("discord", "discord:1300000000000000003", "1300000000000000004", "1300000000000000005", "corr-secrets-1");
            await pipeline.AnswerAsync(new Question($"How many MiG-15s did the Sabre pilots claim over {QuestionMarker}?", origin), CancellationToken.None);

            // A signed Slack event over HTTP: verified with the signing secret, queued, answered, reply attempted.
            var body = SlackPayloads.AppMention("Ev0SECRETS1", $"<@{FakeSlack.BotUserId}> Where were the MiG pilots buried, {QuestionMarker}?", "1700000200.000100").ToJsonString();
            var timestamp = Now();
            using (var response = await server.Client.SendAsync(SignedSlack(body, timestamp, Signing.Sign(SlackSigningSecret, timestamp, body))))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            // A forged one is refused (and the refusal logged without the secret or the expected signature's key).
            using (var forged = await server.Client.SendAsync(SignedSlack(body, timestamp, "v0=" + new string('0', 64))))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            }

            // A Discord interaction with a bad signature exercises the public-key verifier.
            using (var interaction = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent("{\"type\":1}", Encoding.UTF8, "application/json") })
            {
                interaction.Headers.Add("X-Signature-Ed25519", new string('0', 128));
                interaction.Headers.Add("X-Signature-Timestamp", Now());
                using var refused = await server.Client.SendAsync(interaction);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            await Wait.UntilAsync(() => answerer?.Asked.Count(q => q.Origin.Platform == "slack") == 1, "the Slack question to be answered");

            // Both adapters have tried (and failed) to reach the closed port by now, with their tokens.
            await Wait.UntilAsync(() => logs.Lines.Any(l => l.Category.StartsWith("HonchoBot.Discord", StringComparison.Ordinal) && l.Level >= LogLevel.Warning), "a Discord connection failure in the logs");
            await Wait.UntilAsync(() => logs.Lines.Any(l => l.Category.StartsWith("HonchoBot.Slack", StringComparison.Ordinal) && l.Level >= LogLevel.Warning), "a Slack connection failure in the logs");
        }

        var lines = logs.Lines;
        Assert.True(lines.Count > 20, $"only {lines.Count} log lines were captured");
        foreach (var secret in new[] { DiscordToken, "SENTINELdiscordTOKEN", DiscordPublicKey, "a11ce5ec2e7b0b5e", SlackBotToken, "SENTINELslackBOT", SlackAppToken, "SENTINELslackAPP", SlackSigningSecret, "5e17e1f00dba11ce" })
        {
            var leaks = lines.Where(l => l.Text.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' was logged:\n" + string.Join("\n", leaks.Select(l => $"{l.Level} {l.Category}: {l.Text}")));
        }

        var questionAboveDebug = lines.Where(l => l.Level > LogLevel.Debug && l.Text.Contains(QuestionMarker, StringComparison.Ordinal)).ToList();
        Assert.True(questionAboveDebug.Count == 0, "question text logged above Debug:\n" + string.Join("\n", questionAboveDebug.Select(l => $"{l.Level} {l.Category}: {l.Text}")));
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage SignedSlack(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }
}
