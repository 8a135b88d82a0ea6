using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Journal;

/// <summary>
/// The journal never keeps a credential, whatever a client puts where: a token in a JSON body, an
/// apstrata token or signature in the query or the form body, a body that cannot be read. What it keeps
/// instead (the value's fingerprint) still tells a test which one was sent.
/// </summary>
public sealed class JournalCredentialsTests : EmulatorTestBase
{
    private const string Token = "0123456789abcdef0123456789abcdef01234567";
    private const string Signature = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B";

    public static TheoryData<string, string, string, string?, string?, string> Requests => new()
    {
        // what, path and query, body, its content type, the AuthScheme journaled, a credential that must not be kept
        { "an HDC token in a JSON body", "hdc/" + TokensPath, $$"""{"token":"{{Token}}"}""", "application/json", "Basic", Token },
        { "an HDC token in nested JSON", "hdc/" + TokensPath, $$"""{"x":[{"Token":"{{Token}}"}]}""", "application/json", "Basic", Token },
        { "an HDC token in JSON that does not parse", "hdc/" + TokensPath, $$"""{"token":"{{Token}}" """, "application/json", "Basic", Token },
        { "an HDC token in a text body", "hdc/" + TokensPath, $$"""{"token":"{{Token}}"}""", "text/plain", "Basic", Token },
        { "an apstrata token in the query", $"apstrata/apsdb/rest/AK/DeleteToken?apsdb.authToken={Token}&apsws.responseType=json", "", null, "apstrata token", Token },
        { "an apstrata token in the form", "apstrata/apsdb/rest/AK/DeleteToken", $"apsws.responseType=json&apsdb.authToken={Token}", "application/x-www-form-urlencoded", "apstrata token", Token },
        { "a simple signature in the query", $"apstrata/apsdb/rest/AK/VerifyCredentials?apsws.time=1&apsws.authSig={Signature}&apsws.authMode=simple", "", null, "apstrata signature (Simple)", Signature },
        { "a complex signature in the form", "apstrata/apsdb/rest/AK/VerifyCredentials", $"apsws.time=1&apsws.authSig={Signature}&apsws.user=amy%40x.com", "application/x-www-form-urlencoded", "apstrata signature (Complex)", Signature },
        { "a URL-encoded field name", "apstrata/apsdb/rest/AK/DeleteToken", $"apsdb%2EauthToken={Token}", "application/x-www-form-urlencoded", "apstrata token", Token },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Keeps_no_credential_and_names_the_scheme(string what, string path, string body, string? contentType, string? scheme, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseAddress, path));
        if (path.StartsWith("hdc/", StringComparison.Ordinal))
        {
            request.Method = HttpMethod.Delete;
            request.Headers.Authorization = Auth.AdminBasic;
        }

        if (contentType is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await NewClient().SendAsync(request, Timeout);

        var entry = Assert.Single(Host.Requests.Entries);
        var kept = $"{entry.Path}{entry.Query} {entry.Body} {entry.AuthScheme}";
        Assert.False(kept.Contains(credential, StringComparison.OrdinalIgnoreCase), $"{what}: the journal keeps {kept}");
        Assert.Equal(scheme, entry.AuthScheme);
        using var snapshot = await NewClient().GetAsync(Host.AdminUri + "/requests", Timeout);
        Assert.DoesNotContain(credential, await snapshot.Content.ReadAsStringAsync(Timeout), StringComparison.OrdinalIgnoreCase);
        var fingerprintOrWithheld = entry.Body == JournalCredentials.Withheld || Uri.UnescapeDataString(kept).Contains(JournalCredentials.Redacted(credential), StringComparison.Ordinal);
        Assert.True(fingerprintOrWithheld, $"{what}: {kept}");
    }

    [Fact]
    public async Task Keeps_a_body_without_credentials_byte_for_byte()
    {
        const string Body = """{ "userId" : 5, "context":["ReadDocuments"] }""";
        using var response = await SendAsync(HttpMethod.Post, TokensPath, Auth.AdminBasic, Body);

        Assert.Equal(Body, Assert.Single(Host.Requests.Entries).Body);
    }
}
