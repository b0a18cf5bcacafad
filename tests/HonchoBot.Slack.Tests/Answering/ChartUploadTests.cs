using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Answering;

/// <summary>
/// An answer with a numeric disagreement is followed by its chart, shared with Slack's external upload flow
/// (files.getUploadURLExternal → bytes to upload_url → files.completeUploadExternal) into the question's thread,
/// after the text. files.upload is never called, and a failed upload never costs the answer.
/// </summary>
public sealed class ChartUploadTests : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly CapturingLoggerProvider _logs = new();
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake, socketMode: true, http: false, logs: _logs);
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => q.Text.Contains("MiG Alley", StringComparison.Ordinal) ? TestAnswers.Fact(q.Text) : TestAnswers.MigClaims(q.Text));
        await Eventually.TrueAsync(() => _bot.Status.Current.State == ConnectionState.Connected, "connected");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task MentionAsync(string eventId, string text, string ts)
    {
        var socket = await _fake.WaitForSocketAsync(0);
        var id = await socket.SendEnvelopeAsync("events_api", SlackPayloads.AppMention(eventId, $"<@{FakeSlack.BotUserId}> {text}", ts));
        await socket.WaitForAckAsync(id);
    }

    private int IndexOf(string method) => _fake.Calls.Select((c, i) => (c, i)).First(x => x.c.Method == method).i;

    [Fact]
    public async Task The_chart_follows_the_answer_in_its_thread_through_the_external_upload_flow()
    {
        await MentionAsync("Ev0CHART0001", "How many MiGs did the Sabre pilots claim?", "1700000500.000100");

        var complete = await _fake.WaitForMethodAsync("files.completeUploadExternal");

        // Text first, then reserve, upload and share.
        Assert.True(IndexOf("chat.postMessage") < IndexOf("files.getUploadURLExternal"));
        Assert.True(IndexOf("files.getUploadURLExternal") < IndexOf("upload_url"));
        Assert.True(IndexOf("upload_url") < IndexOf("files.completeUploadExternal"));
        var reserve = _fake.Calls.Single(c => c.Method == "files.getUploadURLExternal");
        Assert.Equal("chart.png", reserve.Get("filename"));
        var upload = Assert.Single(_fake.Uploads.Values);
        Assert.True(upload.IsCompleted);
        Assert.Equal(upload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), reserve.Get("length"));
        Assert.Equal(PngSignature, upload.Content!.Take(8));
        Assert.Equal("C0CHAN01", upload.Channel);
        Assert.Equal("1700000500.000100", upload.ThreadTs);
        Assert.Contains("communist aircraft lost", upload.Title, StringComparison.Ordinal);
        Assert.Equal("C0CHAN01", complete.Get("channel_id"));

        // The signed upload URL gets the bytes and no token; the Web API calls get the bot token.
        Assert.Null(_fake.Calls.Single(c => c.Method == "upload_url").Authorization);
        Assert.Equal("Bearer " + FakeSlack.BotToken, complete.Authorization);
        Assert.DoesNotContain(_fake.Calls, c => c.Method == "files.upload");
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task An_answer_without_a_disagreement_uploads_nothing()
    {
        await MentionAsync("Ev0CHART0002", "What was MiG Alley?", "1700000600.000100");
        await _fake.WaitForMethodAsync("chat.postMessage");

        await _bot.DisposeAsync(); // drains the worker: an upload, if any, would have started by now
        Assert.DoesNotContain(_fake.Calls, c => c.Method.StartsWith("files.", StringComparison.Ordinal));
        Assert.Empty(_fake.Uploads);
    }

    [Fact]
    public async Task A_failed_upload_keeps_the_answer_and_logs_a_warning()
    {
        _fake.FailUploadsWith = 500;

        await MentionAsync("Ev0CHART0003", "How many MiGs did the Sabre pilots claim?", "1700000700.000100");

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Contains("792", post.BlockText(), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => _logs.Lines.Any(l => l.Contains("chart was not shared", StringComparison.Ordinal)), "the warning");
        Assert.DoesNotContain(_fake.Calls, c => c.Method == "files.completeUploadExternal");
        Assert.DoesNotContain(_fake.Calls, c => c.Method == "files.upload");
    }
}
