using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

public sealed class HdcDeleteTokenTests : EmulatorTestBase
{
    [Fact]
    public async Task Delete_takes_the_token_in_a_JSON_body_and_answers_204()
    {
        var token = Host.Hdc.Tokens[0].Token;

        using var response = await DeleteTokenAsync($$"""{"token":"{{token}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(Host.Hdc.FindToken(token));
        Assert.Equal(3, Host.Hdc.Tokens.Count);
    }

    [Fact]
    public async Task Deleting_twice_is_TOKEN_NOT_FOUND_the_second_time()
    {
        var body = $$"""{"token":"{{Host.Hdc.Tokens[0].Token}}"}""";

        using var first = await DeleteTokenAsync(body);
        using var second = await DeleteTokenAsync(body);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await second.AssertHdcErrorAsync(404, "TOKEN_NOT_FOUND");
    }

    [Fact]
    public async Task The_not_found_message_does_not_repeat_the_token()
    {
        const string Token = "feedfacefeedfacefeedfacefeedfacefeedface";

        using var response = await DeleteTokenAsync($$"""{"token":"{{Token}}"}""");

        Assert.DoesNotContain(Token, await response.Content.ReadAsStringAsync(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"token":""}""")]
    [InlineData("""{"token":42}""")]
    [InlineData("nope")]
    public async Task A_missing_body_or_token_is_INVALID_REQUEST(string? json)
    {
        using var response = await DeleteTokenAsync(json);

        await response.AssertHdcErrorAsync(400, "INVALID_REQUEST");
        Assert.Equal(4, Host.Hdc.Tokens.Count);
    }

    [Fact]
    public async Task The_token_is_not_taken_from_the_query_string()
    {
        var token = Host.Hdc.Tokens[0].Token;

        using var response = await SendAsync(HttpMethod.Delete, $"{TokensPath}?token={token}", Auth.AdminBasic);

        await response.AssertHdcErrorAsync(400, "INVALID_REQUEST");
        Assert.NotNull(Host.Hdc.FindToken(token));
    }
}
