using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

public sealed class HdcAuthenticationTests : EmulatorTestBase
{
    public static TheoryData<string, string> EveryRoute => new()
    {
        { "GET", ListTokensPath },
        { "GET", ListContextsPath },
        { "POST", TokensPath },
        { "PUT", TokensPath },
        { "DELETE", TokensPath },
    };

    public static TheoryData<string> ChangingMethods => ["POST", "PUT", "DELETE"];

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Every_route_needs_credentials_and_challenges_both_schemes(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, auth: null, json: """{"userId":12345,"context":["ReadDocuments"]}""");

        await response.AssertHdcErrorAsync(401, "NOT_AUTHENTICATED");
        Assert.Equal(["Basic realm=\"HDC\"", "Bearer realm=\"HDC\""], response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
    }

    [Fact]
    public async Task Authentication_comes_before_body_validation()
    {
        using var response = await SendAsync(HttpMethod.Post, TokensPath, auth: null, json: "not json");

        await response.AssertHdcErrorAsync(401, "NOT_AUTHENTICATED");
    }

    public static TheoryData<string, string> WrongCredentials => new()
    {
        { "Basic", Auth.Basic(DemoCredentials.HdcAdminUserName, "wrong").Parameter! },
        { "Basic", Auth.Basic("nobody", DemoCredentials.HdcAdminPassword).Parameter! },
        { "Basic", Auth.Basic(DemoCredentials.HdcAdminUserName.ToUpperInvariant(), DemoCredentials.HdcAdminPassword).Parameter! },
        { "Basic", "not-base64!" },
        { "Basic", "ZGVtby5hZG1pbg==" }, // "demo.admin" without a colon
        { "Bearer", "not-a-token" },
        { "Bearer", DemoCredentials.HdcAdminAccessToken + "x" },
        { "Bearer", DemoCredentials.HdcAdminPassword },
        { "Negotiate", "abc" },
    };

    [Theory]
    [MemberData(nameof(WrongCredentials))]
    public async Task Wrong_credentials_are_NOT_AUTHENTICATED(string scheme, string parameter)
    {
        using var response = await ListTokensAsync(new AuthenticationHeaderValue(scheme, parameter));

        await response.AssertHdcErrorAsync(401, "NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Scheme_names_are_case_insensitive()
    {
        using var basic = await ListTokensAsync(new AuthenticationHeaderValue("basic", Auth.AdminBasic.Parameter));
        using var bearer = await ListTokensAsync(new AuthenticationHeaderValue("BEARER", DemoCredentials.HdcAdminAccessToken));

        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    [Fact]
    public async Task The_401_body_never_echoes_the_credential()
    {
        using var response = await ListTokensAsync(Auth.Basic(DemoCredentials.HdcAdminUserName, "Wrong-Secret-123"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Wrong-Secret-123", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCredentials.HdcAdminUserName, text, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_can_be_switched_off()
    {
        Host.Options.Hdc.AllowBasic = false;

        using var basic = await ListTokensAsync(Auth.AdminBasic);
        using var bearer = await ListTokensAsync(Auth.AdminBearer);

        await basic.AssertHdcErrorAsync(401, "NOT_AUTHENTICATED");
        Assert.Equal(["Bearer realm=\"HDC\""], basic.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    [Fact]
    public async Task Bearer_can_be_switched_off()
    {
        Host.Options.Hdc.AllowBearer = false;

        using var bearer = await ListTokensAsync(Auth.AdminBearer);
        using var basic = await ListTokensAsync(Auth.AdminBasic);

        await bearer.AssertHdcErrorAsync(401, "NOT_AUTHENTICATED");
        Assert.Equal(["Basic realm=\"HDC\""], bearer.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ChangingMethods))]
    public async Task Readers_may_not_change_tokens(string method)
    {
        var token = Host.Hdc.Tokens[0].Token;
        var body = $$"""{"token":"{{token}}","userId":12345,"context":["ReadDocuments"]}""";

        using var basic = await SendAsync(new HttpMethod(method), TokensPath, Auth.ReaderBasic, body);
        using var bearer = await SendAsync(new HttpMethod(method), TokensPath, Auth.ReaderBearer, body);

        await basic.AssertHdcErrorAsync(403, "ACCESS_DENIED");
        await bearer.AssertHdcErrorAsync(403, "ACCESS_DENIED");
        Assert.Equal(4, Host.Hdc.Tokens.Count);
        Assert.Equal("AddCommentToChangeRequest", Assert.Single(Host.Hdc.FindToken(token)!.Contexts).Name);
    }
}

public sealed class HdcCustomAccountsTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() => new()
    {
        Hdc = new HdcOptions
        {
            Users = [new HdcApiUser("ops", "s3cret:with:colons", HdcRole.Admin)],
            AccessTokens = [new HdcAccessToken("reader-token", HdcRole.Reader)],
        },
    };

    [Fact]
    public async Task Configured_accounts_replace_the_demo_ones()
    {
        using var custom = await ListTokensAsync(Auth.Basic("ops", "s3cret:with:colons"));
        using var customReader = await CreateTokenAsync("""{"userId":12345,"context":["ReadDocuments"]}""", new AuthenticationHeaderValue("Bearer", "reader-token"));
        using var demo = await ListTokensAsync(Auth.AdminBasic);

        Assert.Equal(HttpStatusCode.OK, custom.StatusCode);
        await customReader.AssertHdcErrorAsync(403, "ACCESS_DENIED");
        await demo.AssertHdcErrorAsync(401, "NOT_AUTHENTICATED");
    }

    [Fact]
    public void Account_records_keep_secrets_out_of_ToString()
    {
        Assert.DoesNotContain("s3cret", Host.Options.Hdc.Users[0].ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("reader-token", Host.Options.Hdc.AccessTokens[0].ToString(), System.StringComparison.Ordinal);
    }
}
