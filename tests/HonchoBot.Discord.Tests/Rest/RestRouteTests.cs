using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Tests.Rest;

public sealed class RestRouteTests
{
    [Fact]
    public void LogName_WebhookWithToken_HidesTokenAndIds()
    {
        var route = new RestRoute(HttpMethod.Patch, "/webhooks/1100000000000000001/aW50ZXJhY3Rpb24.secret/messages/@original");

        Assert.Equal("PATCH /webhooks/{id}/{token}/messages/@original", route.LogName);
        Assert.True(route.IsInteraction);
    }

    [Fact]
    public void Key_ChannelMessages_KeepsTheMajorChannelAndTemplatesOtherIds()
    {
        var a = new RestRoute(HttpMethod.Delete, "/channels/111/messages/222");
        var b = new RestRoute(HttpMethod.Delete, "/channels/111/messages/333");
        var c = new RestRoute(HttpMethod.Delete, "/channels/444/messages/222");

        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
        Assert.Equal("DELETE /channels/{id}/messages/{id}", a.LogName);
        Assert.False(a.IsInteraction);
    }
}
