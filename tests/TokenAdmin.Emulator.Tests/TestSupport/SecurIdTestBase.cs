using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using TokenAdmin.Tests.Fixtures;
using Xunit;

namespace TokenAdmin.Emulator.Tests;

/// <summary>
/// A fresh emulator per test with its clock pinned at <see cref="Now"/> (whole seconds), and helpers
/// that call the SecurID routes with JWTs signed by the demo keys.
/// </summary>
public abstract class SecurIdTestBase : EmulatorTestBase
{
    public const string LookupPath = "v1/sidTokens/lookup";
    public const string DeletePath = "v1/sidTokens/delete";

    /// <summary>Seeded: SecurID 700, Enabled, assigned to jdoe.</summary>
    public const string JdoeSerial = "000123456789";

    /// <summary>Seeded: unassigned, Enabled.</summary>
    public const string UnassignedSerial = "000123456790";

    /// <summary>Seeded: Disabled, assigned to asmith.</summary>
    public const string AsmithSerial = "000987654321";

    public const int SeedCount = 8;

    protected static readonly DateTimeOffset Now = new(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

    protected static SecurIdDemoKey SuperAdmin => SecurIdDemoKey.SuperAdministrator;

    protected static SecurIdDemoKey HelpDesk => SecurIdDemoKey.HelpDeskAdministrator;

    protected static long NowSeconds => Now.ToUnixTimeSeconds();

    private protected VirtualClock Clock { get; } = new(Now);

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = Clock };

    /// <summary>A valid JWT: issued now, valid for an hour, for this host's adminRestApiUrl.</summary>
    protected string Jwt(SecurIdDemoKey? key = null, string? aud = null, long? iat = null, long? exp = null)
    {
        var signer = key ?? SuperAdmin;
        var issued = iat ?? NowSeconds;
        return SecurIdJwt.Sign(
            SecurIdJwt.Header,
            SecurIdJwt.Claims(signer.AccessId, aud ?? Host.SecurIdAdminRestApiUrl, issued, exp ?? issued + 3600),
            signer.PrivateKeyPem);
    }

    protected static AuthenticationHeaderValue Bearer(string jwt) => new("Bearer", jwt);

    protected Uri SecurIdUri(string path) => new(Host.SecurIdAdminRestApiUrl + "/" + path);

    protected Task<HttpResponseMessage> SecurIdSendAsync(HttpMethod method, string path, string? json, AuthenticationHeaderValue? auth, string contentType = "application/json") =>
        Client.SendAsync(Request(method, SecurIdUri(path).AbsoluteUri, auth, json, contentType), Timeout);

    protected Task<HttpResponseMessage> LookupAsync(string serial, SecurIdDemoKey? key = null) =>
        SecurIdSendAsync(HttpMethod.Post, LookupPath, Serial(serial), Bearer(Jwt(key)));

    protected Task<HttpResponseMessage> DeleteAsync(string serial, SecurIdDemoKey? key = null) =>
        SecurIdSendAsync(HttpMethod.Delete, DeletePath, Serial(serial), Bearer(Jwt(key)));

    protected Task<HttpResponseMessage> UserActionAsync(string userId, string action, string json, SecurIdDemoKey? key = null) =>
        SecurIdSendAsync(HttpMethod.Patch, $"v1/users/{Uri.EscapeDataString(userId)}/sidTokens/{action}", json, Bearer(Jwt(key)));

    /// <summary>A lookup with the given Authorization, for the authentication tests.</summary>
    protected Task<HttpResponseMessage> LookupWithAsync(AuthenticationHeaderValue? auth) =>
        SecurIdSendAsync(HttpMethod.Post, LookupPath, Serial(JdoeSerial), auth);

    protected static string Serial(string serial) => $$"""{"tokenSerialNumber":"{{serial}}"}""";
}

internal static class SecurIdAssertions
{
    /// <summary>Asserts the SecurID failure shape <c>{"code":..,"message":..}</c> and returns the message.</summary>
    public static async Task<string> AssertSecurIdErrorAsync(this HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["code", "message"], body.EnumerateObject().Select(property => property.Name));
        Assert.Equal(code, body.GetProperty("code").GetString());
        var message = body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }
}
