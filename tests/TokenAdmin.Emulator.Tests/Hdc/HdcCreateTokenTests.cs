using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

public sealed class HdcCreateTokenTests : EmulatorTestBase
{
    [Fact]
    public async Task Create_answers_201_with_an_empty_object_and_the_token_appears_in_the_list()
    {
        var before = Host.Hdc.Tokens.Select(token => token.Token).ToHashSet();

        using var response = await CreateTokenAsync("""{"userId":777,"context":["ReadDocuments","UploadDocuments"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());

        using var list = await ListTokensAsync();
        var created = (await list.ReadJsonAsync()).GetProperty("list").EnumerateArray()
            .Single(token => !before.Contains(token.GetProperty("token").GetString()!));
        Assert.Equal(777, created.GetProperty("userId").GetInt64());
        Assert.Equal("Katherine Johnson", created.GetProperty("userFullName").GetString());
        Assert.Equal(["ReadDocuments", "UploadDocuments"], created.GetProperty("context").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Matches("^[0-9a-f]{40}$", created.GetProperty("token").GetString());
    }

    [Fact]
    public async Task Every_create_makes_a_new_token_even_for_the_same_user_and_contexts()
    {
        const string Body = """{"userId":42,"context":["ReadDocuments"]}""";

        using var first = await CreateTokenAsync(Body);
        using var second = await CreateTokenAsync(Body, Auth.AdminBearer);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var turing = Host.Hdc.Tokens.Where(token => token.UserId == 42).ToArray();
        Assert.Equal(3, turing.Length);
        Assert.Equal(3, turing.Select(token => token.Token).Distinct().Count());
    }

    [Fact]
    public async Task Context_codes_are_accepted_instead_of_names()
    {
        using var response = await CreateTokenAsync("""{"userId":5,"contextAsCodesArray":[4,1]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = Host.Hdc.Tokens[^1];
        Assert.Equal(5, created.UserId);
        Assert.Equal(["ApproveChangeRequest", "AddCommentToChangeRequest"], created.Contexts.Select(context => context.Name));
    }

    [Fact]
    public async Task Other_TokenInfoTO_fields_are_ignored()
    {
        using var response = await CreateTokenAsync(
            """{"userId":12345,"context":["ReadDocuments"],"userFullName":"Someone Else","currentUserId":1,"lastUpdate":0,"userInfo":null}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"userId":12345,"context":["ReadDocuments"]""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"context":["ReadDocuments"]}""")]
    [InlineData("""{"userId":0,"context":["ReadDocuments"]}""")]
    [InlineData("""{"userId":-5,"context":["ReadDocuments"]}""")]
    [InlineData("""{"userId":"12345","context":["ReadDocuments"]}""")]
    [InlineData("""{"userId":12345,"context":"ReadDocuments"}""")]
    [InlineData("""{"userId":12345,"context":[{"name":"ReadDocuments","code":2}]}""")]
    public async Task Malformed_requests_are_INVALID_REQUEST(string json)
    {
        using var response = await CreateTokenAsync(json);

        await response.AssertHdcErrorAsync(400, "INVALID_REQUEST");
        Assert.Equal(4, Host.Hdc.Tokens.Count);
    }

    [Fact]
    public async Task An_empty_body_is_INVALID_REQUEST()
    {
        using var response = await SendAsync(HttpMethod.Post, TokensPath, Auth.AdminBasic, json: string.Empty);

        await response.AssertHdcErrorAsync(400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task A_user_outside_the_directory_is_INVALID_USER()
    {
        using var response = await CreateTokenAsync("""{"userId":99999,"context":["ReadDocuments"]}""");

        await response.AssertHdcErrorAsync(400, "INVALID_USER");
    }

    [Theory]
    [InlineData("""{"userId":12345}""")]
    [InlineData("""{"userId":12345,"context":[]}""")]
    [InlineData("""{"userId":12345,"context":[],"contextAsCodesArray":[]}""")]
    public async Task No_context_is_CONTEXT_REQUIRED(string json)
    {
        using var response = await CreateTokenAsync(json);

        await response.AssertHdcErrorAsync(400, "CONTEXT_REQUIRED");
    }

    [Theory]
    [InlineData("""{"userId":12345,"context":["NoSuchContext"]}""")]
    [InlineData("""{"userId":12345,"context":["readdocuments"]}""")]
    [InlineData("""{"userId":12345,"context":["ReadDocuments "]}""")]
    [InlineData("""{"userId":12345,"context":["ReadDocuments",null]}""")]
    [InlineData("""{"userId":12345,"contextAsCodesArray":[99]}""")]
    [InlineData("""{"userId":12345,"context":["ReadDocuments"],"contextAsCodesArray":[0]}""")]
    public async Task An_unknown_context_name_or_code_is_INVALID_CONTEXT(string json)
    {
        using var response = await CreateTokenAsync(json);

        await response.AssertHdcErrorAsync(400, "INVALID_CONTEXT");
    }

    [Fact]
    public async Task Checks_run_in_order_user_before_context()
    {
        using var response = await CreateTokenAsync("""{"userId":99999,"context":["NoSuchContext"]}""");

        await response.AssertHdcErrorAsync(400, "INVALID_USER");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_JSON_is_415(string contentType)
    {
        using var response = await SendAsync(HttpMethod.Post, TokensPath, Auth.AdminBasic, """{"userId":12345,"context":["ReadDocuments"]}""", contentType);

        await response.AssertHdcErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task A_structured_JSON_media_type_is_accepted()
    {
        using var response = await SendAsync(HttpMethod.Post, TokensPath, Auth.AdminBasic, """{"userId":12345,"context":["ReadDocuments"]}""", "application/vnd.hdc+json");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
