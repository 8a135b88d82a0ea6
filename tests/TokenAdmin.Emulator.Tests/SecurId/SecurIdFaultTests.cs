using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

public sealed class SecurIdFaultTests : SecurIdTestBase
{
    [Fact]
    public async Task An_injected_429_uses_the_SecurID_error_shape_and_keeps_Retry_After()
    {
        Host.Faults.Enqueue(SecurIdRouteNames.LookupToken, FaultStep.Status(429, retryAfter: "3"));

        using var faulted = await LookupAsync(JdoeSerial);
        using var served = await LookupAsync(JdoeSerial);

        await faulted.AssertSecurIdErrorAsync(429, "TOO_MANY_REQUESTS");
        Assert.Equal("3", faulted.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task An_injected_500_says_Unable_to_complete_service_call()
    {
        Host.Faults.Enqueue(SecurIdRouteNames.DeleteToken, FaultStep.Status(500));

        using var response = await DeleteAsync(JdoeSerial);

        Assert.Equal("Unable to complete service call", await response.AssertSecurIdErrorAsync(500, "INTERNAL_ERROR"));
        Assert.NotNull(Host.SecurId.Find(JdoeSerial));
    }

    [Fact]
    public async Task The_any_route_key_shapes_each_fault_by_its_routes_service()
    {
        Host.Faults.Enqueue(FaultInjector.AnyRoute, FaultStep.Status(503), FaultStep.Status(503));

        using var securId = await UserActionAsync("jdoe", "disable", Serial(JdoeSerial));
        using var hdc = await ListTokensAsync();

        await securId.AssertSecurIdErrorAsync(503, "SERVICE_UNAVAILABLE");
        await hdc.AssertHdcErrorAsync(503, "SERVICE_UNAVAILABLE");
    }

    [Fact]
    public async Task Faults_come_before_JWT_verification_like_a_gateway()
    {
        Host.Faults.Enqueue(SecurIdRouteNames.AssignToken, FaultStep.Status(429));

        using var response = await SecurIdSendAsync(HttpMethod.Patch, "v1/users/jdoe/sidTokens/assign", "{}", auth: null);

        await response.AssertSecurIdErrorAsync(429, "TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task A_custom_fault_body_is_sent_verbatim()
    {
        Host.Faults.Enqueue(SecurIdRouteNames.LookupToken, FaultStep.Status(502, body: "<html>Bad Gateway</html>", contentType: "text/html"));

        using var response = await LookupAsync(JdoeSerial);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("<html>Bad Gateway</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Abort_drops_the_connection_and_the_journal_says_so()
    {
        Host.Faults.Enqueue(SecurIdRouteNames.EnableToken, FaultStep.Abort());

        using var client = NewClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(
            Request(HttpMethod.Patch, SecurIdUri("v1/users/asmith/sidTokens/enable").AbsoluteUri, Bearer(Jwt()), Serial(AsmithSerial)), Timeout));

        var entry = await Host.Requests.WaitForCompletionAsync(SecurIdRouteNames.EnableToken, Timeout);
        Assert.True(entry.Aborted);
        Assert.Equal(SecurIdTokenStatus.Disabled, Host.SecurId.Find(AsmithSerial)!.TokenStatus);
    }
}
