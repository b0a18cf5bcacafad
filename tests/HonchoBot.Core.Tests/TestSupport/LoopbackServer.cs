using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>A Kestrel server on 127.0.0.1 with an ephemeral port: the only place fetch tests ever talk to.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>Every request path the server received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public int Port { get; private set; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void MapBytes(string path, string? contentType, byte[] body, string? contentEncoding = null) => Map(path, async context =>
    {
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        if (contentEncoding is not null)
        {
            context.Response.Headers.ContentEncoding = contentEncoding;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    });

    public void MapText(string path, string contentType, string body) => MapBytes(path, contentType, System.Text.Encoding.UTF8.GetBytes(body));

    public void MapRedirect(string path, string location, int status = 302) => Map(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    private Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue(context.Request.Path.Value ?? "/");
        if (_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
