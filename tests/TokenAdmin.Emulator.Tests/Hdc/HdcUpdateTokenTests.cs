using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using TokenAdmin.Tests.Fixtures;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

public sealed class HdcUpdateTokenTests : EmulatorTestBase
{
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = clock };

    private HdcTokenRecord AdaToken => Host.Hdc.Tokens.Single(token => token.UserId == 12345);

    [Fact]
    public async Task Update_answers_204_without_a_body_and_replaces_owner_contexts_and_lastUpdate()
    {
        var token = AdaToken.Token;
        clock.Now = clock.Now.AddMinutes(5);

        using var response = await UpdateTokenAsync($$"""{"token":"{{token}}","userId":777,"context":["ApproveChangeRequest","ManageWorkOrders"]}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var updated = Host.Hdc.FindToken(token)!;
        Assert.Equal(777, updated.UserId);
        Assert.Equal([4, 5], updated.Contexts.Select(context => context.Code));
        Assert.Equal(clock.Now, updated.LastUpdate);

        using var list = await ListTokensAsync();
        var listed = (await list.ReadJsonAsync()).GetProperty("list").EnumerateArray().Single(t => t.GetProperty("token").GetString() == token);
        Assert.Equal(clock.Now.ToUnixTimeMilliseconds(), listed.GetProperty("lastUpdate").GetInt64());
        Assert.Equal("Katherine Johnson", listed.GetProperty("userFullName").GetString());
    }

    [Fact]
    public async Task Update_accepts_context_codes()
    {
        using var response = await UpdateTokenAsync($$"""{"token":"{{AdaToken.Token}}","userId":12345,"contextAsCodesArray":[2]}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("ReadDocuments", Assert.Single(AdaToken.Contexts).Name);
    }

    [Fact]
    public async Task An_unknown_token_is_TOKEN_NOT_FOUND()
    {
        using var response = await UpdateTokenAsync("""{"token":"0000000000000000000000000000000000000000","userId":12345,"context":["ReadDocuments"]}""");

        await response.AssertHdcErrorAsync(404, "TOKEN_NOT_FOUND");
    }

    [Theory]
    [InlineData("""{"userId":12345,"context":["ReadDocuments"]}""")]
    [InlineData("""{"token":"","userId":12345,"context":["ReadDocuments"]}""")]
    [InlineData("""{"token":"TOKEN","context":["ReadDocuments"]}""")]
    [InlineData("{")]
    public async Task A_missing_token_or_userId_or_bad_JSON_is_INVALID_REQUEST(string template)
    {
        using var response = await UpdateTokenAsync(template.Replace("TOKEN", AdaToken.Token, StringComparison.Ordinal));

        await response.AssertHdcErrorAsync(400, "INVALID_REQUEST");
    }

    [Theory]
    [InlineData("""{"token":"TOKEN","userId":99999,"context":["ReadDocuments"]}""", "INVALID_USER")]
    [InlineData("""{"token":"TOKEN","userId":12345,"context":[]}""", "CONTEXT_REQUIRED")]
    [InlineData("""{"token":"TOKEN","userId":12345,"context":["Nope"]}""", "INVALID_CONTEXT")]
    public async Task Update_validates_like_create(string template, string errorCode)
    {
        var before = AdaToken;

        using var response = await UpdateTokenAsync(template.Replace("TOKEN", before.Token, StringComparison.Ordinal));

        await response.AssertHdcErrorAsync(400, errorCode);
        Assert.Same(before, AdaToken);
    }
}
