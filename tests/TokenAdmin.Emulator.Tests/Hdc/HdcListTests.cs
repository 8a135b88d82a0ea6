using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using TokenAdmin.Tests.Fixtures;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

public sealed class HdcListTests : EmulatorTestBase
{
    private static readonly DateTimeOffset PinnedNow = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = new VirtualClock(PinnedNow) };

    [Fact]
    public async Task Token_list_has_the_documented_shape_and_the_seed_tokens()
    {
        using var response = await ListTokensAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["list"], body.EnumerateObject().Select(property => property.Name));
        var list = body.GetProperty("list").EnumerateArray().ToArray();
        Assert.Equal(4, list.Length);

        var ada = list[0];
        Assert.Equal(["context", "userId", "userFullName", "token", "lastUpdate"], ada.EnumerateObject().Select(property => property.Name));
        Assert.Equal(12345, ada.GetProperty("userId").GetInt64());
        Assert.Equal("Ada Lovelace", ada.GetProperty("userFullName").GetString());
        Assert.Equal(PinnedNow.ToUnixTimeMilliseconds(), ada.GetProperty("lastUpdate").GetInt64());
        Assert.Matches("^[0-9a-f]{40}$", ada.GetProperty("token").GetString());
        var context = Assert.Single(ada.GetProperty("context").EnumerateArray());
        Assert.Equal(["name", "code"], context.EnumerateObject().Select(property => property.Name));
        Assert.Equal("AddCommentToChangeRequest", context.GetProperty("name").GetString());
        Assert.Equal(1, context.GetProperty("code").GetInt32());

        Assert.Equal([12345L, 5L, 5L, 42L], list.Select(token => token.GetProperty("userId").GetInt64()));
        Assert.Equal(
            ["ReadDocuments", "UploadDocuments"],
            list[1].GetProperty("context").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(Host.Hdc.Tokens.Select(token => token.Token), list.Select(token => token.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task Context_list_has_the_documented_shape_and_the_seed_contexts()
    {
        using var response = await ListContextsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var list = (await response.ReadJsonAsync()).GetProperty("list").EnumerateArray().ToArray();
        Assert.All(list, context => Assert.Equal(["code", "name"], context.EnumerateObject().Select(property => property.Name)));
        Assert.Equal(
            ["1 AddCommentToChangeRequest", "2 ReadDocuments", "3 UploadDocuments", "4 ApproveChangeRequest", "5 ManageWorkOrders"],
            list.Select(context => $"{context.GetProperty("code").GetInt32()} {context.GetProperty("name").GetString()}"));
    }

    [Fact]
    public async Task Readers_may_list_with_Basic_and_Bearer()
    {
        using var tokensByBasic = await ListTokensAsync(Auth.ReaderBasic);
        using var contextsByBearer = await ListContextsAsync(Auth.ReaderBearer);

        Assert.Equal(HttpStatusCode.OK, tokensByBasic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, contextsByBearer.StatusCode);
    }

    [Fact]
    public async Task The_list_reflects_tokens_arranged_directly_in_the_state()
    {
        var arranged = Host.Hdc.AddToken(777, "ApproveChangeRequest", "ManageWorkOrders");

        using var response = await ListTokensAsync(Auth.AdminBearer);

        var listed = (await response.ReadJsonAsync()).GetProperty("list").EnumerateArray()
            .Single(token => token.GetProperty("token").GetString() == arranged.Token);
        Assert.Equal(777, listed.GetProperty("userId").GetInt64());
        Assert.Equal("Katherine Johnson", listed.GetProperty("userFullName").GetString());
        Assert.Equal([4, 5], listed.GetProperty("context").EnumerateArray().Select(c => c.GetProperty("code").GetInt32()));
    }
}
