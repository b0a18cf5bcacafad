using System.Net;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Tests.Fakes;
using Moq;

namespace HonchoBot.Discord.Tests.Answering;

/// <summary>
/// An answer with a numeric disagreement carries its chart: a <c>files[0]</c> upload listed in <c>attachments</c> and
/// shown in the embed (<c>attachment://chart.png</c>), on a mention reply and on a deferred interaction's edit. When
/// the upload is refused the text answer still goes, without the chart.
/// </summary>
public sealed class ChartUploadTests : IAsyncLifetime
{
    private const string Question = "How many planes did the Soviet Airforce lose?";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private FakeDiscord _discord = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await BotHarness.StartAsync(_discord);
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => q.Text.Contains("MiG Alley", StringComparison.Ordinal) ? SampleAnswers.Fact(q.Text) : SampleAnswers.WithDisagreement(q.Text));
        await _discord.Gateway.WaitUntilAsync(() => _bot.Health.Current.State == ConnectionState.Connected, "READY");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private static void AssertChartUpload(RecordedRequest request)
    {
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var file = Assert.Single(request.Uploads);
        Assert.Equal(0, file.Index);
        Assert.Equal("chart.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(PngSignature, file.Content.Take(8));
        var message = request.Json!;
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal(0, attachment["id"]!.GetValue<int>());
        Assert.Equal("chart.png", attachment["filename"]!.GetValue<string>());
        Assert.Equal("attachment://chart.png", message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());

        // The chart is an addition: the answer's text, sources and disagreement are all still there.
        var embed = message["embeds"]![0]!;
        Assert.Contains("335 planes", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>().StartsWith("⚠️ Sources disagree", StringComparison.Ordinal));
    }

    private static bool IsReply(RecordedRequest r) => r.Method == "POST" && r.Path == $"/channels/{Payloads.ChannelId}/messages";

    [Fact]
    public async Task A_mention_with_a_numeric_disagreement_is_answered_with_the_chart_in_the_embed()
    {
        var mention = Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId]);

        await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await _discord.WaitForRequestsAsync(r => IsReply(r) && r.Status == 200, what: "the reply");
        var reply = Assert.Single(_discord.Requests, IsReply);
        AssertChartUpload(reply);
        Assert.Equal(mention["id"]!.GetValue<string>(), reply.Json!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Empty(reply.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_mention_without_a_disagreement_is_plain_json_without_an_upload()
    {
        await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> What was MiG Alley?", [FakeDiscord.BotUserId]));

        await _discord.WaitForRequestsAsync(IsReply, what: "the reply");
        var reply = Assert.Single(_discord.Requests, IsReply);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.Empty(reply.Uploads);
        Assert.Null(reply.Json!["attachments"]);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_refused_upload_still_delivers_the_text_answer_and_logs_a_warning()
    {
        _discord.FailNext($"/channels/{Payloads.ChannelId}/messages", 400);

        await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId]));

        await _discord.WaitForRequestsAsync(r => IsReply(r) && r.Status == 200, what: "the text reply after the refused upload");
        var replies = _discord.Requests.Where(IsReply).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(400, replies[0].Status);
        Assert.Single(replies[0].Uploads);
        Assert.Empty(replies[1].Uploads);
        Assert.Contains("335 planes", replies[1].Json!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("chart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deferred_ask_is_patched_once_with_the_answer_and_its_chart()
    {
        var command = Payloads.Command("ask", [Payloads.Option("question", Question)]);
        var interaction = _discord.NewInteraction(command);

        var (status, initial) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, initial!["type"]!.GetValue<int>());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the edit");
        await _bot.DisposeAsync(); // drains the worker: a second edit, if any, would have been sent by now
        var patch = Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/{FakeDiscord.ApplicationId}/{interaction.Token}/messages/@original", patch.Path);
        AssertChartUpload(patch);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_deferred_ask_whose_upload_is_refused_is_patched_with_the_text_alone()
    {
        var command = Payloads.Command("ask", [Payloads.Option("question", Question)]);
        var interaction = _discord.NewInteraction(command);
        _discord.FailNext($"/webhooks/{FakeDiscord.ApplicationId}/{interaction.Token}", 400);

        await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.Status == 200, what: "the text edit");
        var patches = _discord.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, patches.Count);
        Assert.Single(patches[0].Uploads);
        Assert.Empty(patches[1].Uploads);
        Assert.Contains("335 planes", patches[1].Json!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("chart upload failed", StringComparison.Ordinal));
    }
}
