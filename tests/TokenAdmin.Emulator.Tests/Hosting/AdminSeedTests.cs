using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hosting;

/// <summary>POST /_emulator/seed: what users' own tests arrange, on top of the seed data, until reset.</summary>
public sealed class AdminSeedTests : EmulatorTestBase
{
    private HttpClient Admin { get; } = new(new SocketsHttpHandler { UseProxy = false });

    private async Task<HttpResponseMessage> SeedAsync(string json) =>
        await Admin.PostAsync(new Uri(Host.BaseAddress, "_emulator/seed"), new StringContent(json, Encoding.UTF8, "application/json"), Timeout);

    [Fact]
    public async Task Seeds_every_service_and_reset_takes_it_away()
    {
        var hdcBefore = Host.Hdc.Tokens.Count;
        var securIdBefore = Host.SecurId.Tokens.Count;

        using var response = await SeedAsync("""
            {"hdc":{"tokens":[{"userId":5001,"userFullName":"Dana Reyes","contexts":["ReadDocuments","UploadDocuments"]},{"userId":5001,"contexts":["ReadDocuments"]}]},
             "securid":{"tokens":[{"serialNumber":"000300000001","assignedTo":"dreyes","name":"Dana's token"},{"serialNumber":"000300000002","status":"Disabled"}]},
             "apstrata":{"tokens":[{"login":"dreyes"},{"login":"dreyes"}]}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var added = (await response.ReadJsonAsync()).GetProperty("added");
        Assert.Equal(2, added.GetProperty("hdc").GetInt32());
        Assert.Equal(2, added.GetProperty("securid").GetInt32());
        Assert.Equal(2, added.GetProperty("apstrata").GetInt32());
        Assert.Equal(hdcBefore + 2, Host.Hdc.Tokens.Count);
        Assert.Equal("Dana Reyes", Host.Hdc.Users.Single(user => user.UserId == 5001).FullName);
        Assert.Equal(["ReadDocuments", "UploadDocuments"], Host.Hdc.Tokens.First(token => token.UserId == 5001).Contexts.Select(context => context.Name));
        var assigned = Host.SecurId.Find("000300000001")!;
        Assert.Equal("dreyes", assigned.UserId);
        Assert.Equal("Dana's token", assigned.Name);
        Assert.Equal(SecurIdTokenStatus.Disabled, Host.SecurId.Find("000300000002")!.TokenStatus);
        Assert.Equal(2, Host.Apstrata.Tokens.Count(token => token.Login == "dreyes"));

        Host.Reset();

        Assert.Equal(hdcBefore, Host.Hdc.Tokens.Count);
        Assert.DoesNotContain(Host.Hdc.Users, user => user.UserId == 5001);
        Assert.Equal(securIdBefore, Host.SecurId.Tokens.Count);
        Assert.DoesNotContain(Host.Apstrata.Tokens, token => token.Login == "dreyes");
    }

    [Theory]
    [InlineData("""{"hdc":{"tokens":[{"userId":5001,"contexts":["ReadDocuments"]}]}}""", "give userFullName")]
    [InlineData("""{"hdc":{"tokens":[{"userId":5,"contexts":["NoSuchContext"]}]}}""", "NoSuchContext")]
    [InlineData("""{"hdc":{"users":[]}}""", "it takes")]
    [InlineData("""{"securid":{"tokens":[{"serialNumber":"000123456789"}]}}""", "exists already")]
    [InlineData("""{"securid":{"tokens":[{"serialNumber":"000300000009","status":"Lost"}]}}""", "Enabled or Disabled")]
    [InlineData("""{"apstrata":{"tokens":[{}]}}""", "apstrata.tokens[0].login is required")]
    [InlineData("""{"powerclerk":{}}""", "nothing to seed")]
    [InlineData("""{"nosuch":{}}""", "the services are hdc, securid, powerclerk, apstrata")]
    [InlineData("""[1]""", "an object")]
    public async Task A_mistake_anywhere_adds_nothing_and_says_what_it_is(string json, string expected)
    {
        var hdcBefore = Host.Hdc.Tokens.Count;
        // A valid section first: it must not be added either.
        var body = json.StartsWith('{') ? """{"apstrata":{"tokens":[{"login":"first"}]},""" + json[1..] : json;

        using var response = await SeedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Timeout), StringComparison.Ordinal);
        Assert.Equal(hdcBefore, Host.Hdc.Tokens.Count);
        Assert.DoesNotContain(Host.Apstrata.Tokens, token => token.Login == "first");
    }
}
