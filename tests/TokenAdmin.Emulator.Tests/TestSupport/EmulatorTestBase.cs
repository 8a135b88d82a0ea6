using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests;

/// <summary>
/// A fresh emulator per test on an ephemeral 127.0.0.1 port, and an HttpClient whose base
/// address is the HDC tenant base URL. Test classes run in parallel, each with its own hosts.
/// </summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    public const string TokensPath = "api/authtokens";
    public const string ListTokensPath = "api/authtokens/json";
    public const string ListContextsPath = "api/authtokens/context/json";

    // A safety net so a broken test fails instead of hanging; nothing asserts on time.
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    protected EmulatorHost Host { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected CancellationToken Timeout => timeout.Token;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(CreateOptions(), Timeout);
        Client = NewClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        timeout.Dispose();
    }

    protected virtual EmulatorOptions CreateOptions() => new();

    /// <summary>A client with its own connection pool; never uses a machine-wide proxy.</summary>
    protected HttpClient NewClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Host.HdcBaseUri };

    protected Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        AuthenticationHeaderValue? auth,
        string? json = null,
        string contentType = "application/json",
        HttpClient? client = null) =>
        (client ?? Client).SendAsync(Request(method, path, auth, json, contentType), Timeout);

    protected static HttpRequestMessage Request(
        HttpMethod method,
        string path,
        AuthenticationHeaderValue? auth,
        string? json = null,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = auth;
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        return request;
    }

    protected Task<HttpResponseMessage> ListTokensAsync(AuthenticationHeaderValue? auth = null) =>
        SendAsync(HttpMethod.Get, ListTokensPath, auth ?? Auth.AdminBasic);

    protected Task<HttpResponseMessage> ListContextsAsync(AuthenticationHeaderValue? auth = null) =>
        SendAsync(HttpMethod.Get, ListContextsPath, auth ?? Auth.AdminBasic);

    protected Task<HttpResponseMessage> CreateTokenAsync(string json, AuthenticationHeaderValue? auth = null) =>
        SendAsync(HttpMethod.Post, TokensPath, auth ?? Auth.AdminBasic, json);

    protected Task<HttpResponseMessage> UpdateTokenAsync(string json, AuthenticationHeaderValue? auth = null) =>
        SendAsync(HttpMethod.Put, TokensPath, auth ?? Auth.AdminBasic, json);

    protected Task<HttpResponseMessage> DeleteTokenAsync(string? json, AuthenticationHeaderValue? auth = null) =>
        SendAsync(HttpMethod.Delete, TokensPath, auth ?? Auth.AdminBasic, json);
}
