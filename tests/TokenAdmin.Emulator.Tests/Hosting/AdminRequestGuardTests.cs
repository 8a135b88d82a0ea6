using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hosting;

/// <summary>
/// The control API against what a web page in the user's browser can send it: a cross-site "simple"
/// POST, a DNS-rebound host name. Each is refused and changes nothing; scripts' requests pass.
/// </summary>
public sealed class AdminRequestGuardTests : EmulatorTestBase
{
    public static TheoryData<string, string, string?, string?, string?> FromABrowser => new()
    {
        // what, method and path, Host, extra header "Name: value", body content type
        { "a rebound host name", "POST reset", "attacker.example:80", null, null },
        { "a look-alike of 127.0.0.1", "GET requests", "127.0.0.1.nip.io", null, null },
        { "another host's port on loopback", "GET requests", "127.0.0.2", null, null },
        { "a cross-site form POST", "POST reset", null, "Origin: https://attacker.example", "application/x-www-form-urlencoded" },
        { "a cross-site text/plain POST", "POST faults", null, "Origin: null", "text/plain" },
        { "text/plain without Origin", "POST faults", null, null, "text/plain" },
        { "Sec-Fetch-Site: cross-site", "POST reset", null, "Sec-Fetch-Site: cross-site", null },
        { "Sec-Fetch-Site: same-site", "GET requests", null, "Sec-Fetch-Site: same-site", null },
        { "an Origin on a read", "GET requests", null, "Origin: http://127.0.0.1:1", null },
    };

    [Theory]
    [MemberData(nameof(FromABrowser))]
    public async Task Refuses_what_a_web_page_can_send_and_changes_nothing(string what, string route, string? host, string? header, string? contentType)
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(503));
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Host.AdminUri + "/" + path));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header.Split(": ")[0], header.Split(": ")[1]);
        }

        if (contentType is not null)
        {
            request.Content = new StringContent("""{"route":"*","steps":[{"status":500}]}""", Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var response = await client.SendAsync(request, Timeout);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode}");
        var message = (await response.Content.ReadAsStringAsync(Timeout));
        Assert.Contains("control API", message, StringComparison.Ordinal);
        Assert.DoesNotContain("token", message, StringComparison.OrdinalIgnoreCase); // no data answered
        Assert.Equal(1, Host.Faults.PendingSteps(HdcRouteNames.ListTokens)); // neither reset nor a fault added
        Assert.Equal(0, Host.Faults.PendingSteps("*"));
    }

    public static TheoryData<string?> LoopbackNames => new() { null, "localhost", "LOCALHOST:1234", "127.0.0.1" };

    [Theory]
    [MemberData(nameof(LoopbackNames))]
    public async Task Answers_scripts_addressing_a_loopback_name(string? host)
    {
        Host.Faults.Enqueue(HdcRouteNames.ListTokens, FaultStep.Status(503));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.AdminUri + "/reset"));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var response = await client.SendAsync(request, Timeout);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
    }

    [Fact]
    public async Task Takes_a_JSON_body_with_its_charset()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var response = await client.PostAsync(new Uri(Host.AdminUri + "/faults"),
            new StringContent($$"""{"route":"{{HdcRouteNames.ListTokens}}","steps":[{"status":503}]}""", Encoding.UTF8, "application/json"), Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Host.Faults.PendingSteps(HdcRouteNames.ListTokens));
    }
}
