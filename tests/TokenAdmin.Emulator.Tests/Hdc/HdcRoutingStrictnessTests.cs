using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

/// <summary>The emulator is no looser than the Java backend: paths are exact and case-sensitive.</summary>
public sealed class HdcRoutingStrictnessTests : EmulatorTestBase
{
    [Theory]
    [InlineData("api/authtokens/JSON")]
    [InlineData("api/AuthTokens/json")]
    [InlineData("api/authtokens/json/")]
    [InlineData("api/authtokens/context/json/")]
    [InlineData("api/authtokens/list")]
    public async Task Paths_that_differ_in_case_or_slash_are_404(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, Auth.AdminBasic);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_service_base_path_is_case_sensitive_too()
    {
        using var response = await Client.SendAsync(Request(HttpMethod.Get, new System.Uri(Host.BaseAddress, "HDC/api/authtokens/json").AbsoluteUri, Auth.AdminBasic), Timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unsupported_methods_are_405()
    {
        using var response = await SendAsync(HttpMethod.Patch, TokensPath, Auth.AdminBasic, "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_trailing_slash_on_POST_is_404()
    {
        using var response = await SendAsync(HttpMethod.Post, TokensPath + "/", Auth.AdminBasic, """{"userId":12345,"context":["ReadDocuments"]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(4, Host.Hdc.Tokens.Count);
    }
}
