using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

public sealed class SecurIdDeleteTests : SecurIdTestBase
{
    [Fact]
    public async Task Delete_takes_the_serial_in_a_JSON_body_and_returns_the_deleted_token()
    {
        using var response = await DeleteAsync(JdoeSerial);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.ReadJsonAsync();
        Assert.Equal(JdoeSerial, token.GetProperty("tokenSerialNumber").GetString());
        Assert.Equal("jdoe", token.GetProperty("userId").GetString());
        Assert.Equal("John's token", token.GetProperty("name").GetString());
        Assert.Null(Host.SecurId.Find(JdoeSerial));
        Assert.Equal(SeedCount - 1, Host.SecurId.Tokens.Count);
    }

    [Fact]
    public async Task Deleting_twice_is_404_the_second_time()
    {
        using var first = await DeleteAsync(UnassignedSerial);
        using var second = await DeleteAsync(UnassignedSerial);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertSecurIdErrorAsync(404, "TOKEN_NOT_FOUND");
    }

    [Fact]
    public async Task A_deleted_token_can_no_longer_be_looked_up()
    {
        using var deleted = await DeleteAsync(AsmithSerial);
        using var lookup = await LookupAsync(AsmithSerial);

        await lookup.AssertSecurIdErrorAsync(404, "TOKEN_NOT_FOUND");
    }

    [Fact]
    public async Task The_Help_Desk_role_may_not_delete_and_is_told_who_may()
    {
        using var response = await DeleteAsync(JdoeSerial, HelpDesk);

        var message = await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
        Assert.Equal("The Help Desk Administrator role may not delete hardware tokens; only a Super Administrator may.", message);
        Assert.NotNull(Host.SecurId.Find(JdoeSerial));
    }

    [Fact]
    public async Task The_role_is_checked_before_the_body()
    {
        using var response = await SecurIdSendAsync(HttpMethod.Delete, DeletePath, "{}", Bearer(Jwt(HelpDesk)));

        await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"tokenSerialNumber":""}""")]
    [InlineData("""{"tokenSerialNumber":1}""")]
    [InlineData("""{"tokenSerialNumber":"1234567890123456789012345678901234567"}""")]
    [InlineData("nope")]
    public async Task A_missing_or_invalid_body_is_400_and_deletes_nothing(string? json)
    {
        using var response = await SecurIdSendAsync(HttpMethod.Delete, DeletePath, json, Bearer(Jwt()));

        await response.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
        Assert.Equal(SeedCount, Host.SecurId.Tokens.Count);
    }

    [Fact]
    public async Task The_serial_is_not_taken_from_the_query_string()
    {
        using var response = await SecurIdSendAsync(HttpMethod.Delete, DeletePath + "?tokenSerialNumber=" + JdoeSerial, json: null, Bearer(Jwt()));

        await response.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
        Assert.NotNull(Host.SecurId.Find(JdoeSerial));
    }

    [Fact]
    public async Task The_journal_records_the_delete_body()
    {
        using var response = await DeleteAsync(UnassignedSerial);

        var entry = await Host.Requests.WaitForCompletionAsync(SecurIdRouteNames.DeleteToken, Timeout);
        Assert.Equal("DELETE", entry.Method);
        Assert.Equal(Serial(UnassignedSerial), entry.Body);
        Assert.Equal(200, entry.StatusCode);
        Assert.Equal(new Uri(Host.SecurIdAdminRestApiUrl + "/" + DeletePath).AbsolutePath, entry.Path);
    }
}
