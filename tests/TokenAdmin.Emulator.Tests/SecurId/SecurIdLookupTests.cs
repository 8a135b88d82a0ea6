using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

public sealed class SecurIdLookupTests : SecurIdTestBase
{
    [Fact]
    public async Task Lookup_returns_the_token_details_in_documented_order()
    {
        using var response = await LookupAsync(JdoeSerial);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"tokenSerialNumber":"000123456789","deviceType":"SecurID 700","tokenStatus":"Enabled","userId":"jdoe","assignedBy":"admin@demo","assignedAt":"2025-03-01T09:30:00.000+00:00","registeredDate":"2024-11-04T08:15:00.000+00:00","tokenStatusChangedAt":null,"expiryDate":"2029-10-31T00:00:00.000+00:00","name":"John's token","pinSet":true}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unassigned_token_has_null_assignment_fields()
    {
        using var response = await LookupAsync(UnassignedSerial);

        var token = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UnassignedSerial, token.GetProperty("tokenSerialNumber").GetString());
        Assert.All(["userId", "assignedBy", "assignedAt", "name"], name => Assert.Equal(JsonValueKind.Null, token.GetProperty(name).ValueKind));
        Assert.False(token.GetProperty("pinSet").GetBoolean());
    }

    [Fact]
    public async Task A_disabled_token_says_so_and_when()
    {
        using var response = await LookupAsync(AsmithSerial);

        var token = await response.ReadJsonAsync();
        Assert.Equal("Disabled", token.GetProperty("tokenStatus").GetString());
        Assert.Equal("2025-06-02T10:45:30.000+00:00", token.GetProperty("tokenStatusChangedAt").GetString());
        Assert.Equal("asmith", token.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task The_Help_Desk_role_may_look_up()
    {
        using var response = await LookupAsync(JdoeSerial, HelpDesk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_seed_has_material_for_bulk_operations()
    {
        Assert.Equal(SeedCount, Host.SecurId.Tokens.Count);
        foreach (var serial in Enumerable.Range(1, 5).Select(n => $"00020000000{n}"))
        {
            using var response = await LookupAsync(serial);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("000000000000")]
    [InlineData("00012345678")] // a prefix of a real serial
    [InlineData("123456789012345678901234567890123456")] // 36 characters: valid, just unknown
    public async Task An_unknown_serial_is_404_without_repeating_it(string serial)
    {
        using var response = await LookupAsync(serial);

        var message = await response.AssertSecurIdErrorAsync(404, "TOKEN_NOT_FOUND");
        Assert.DoesNotContain(serial, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"tokenSerialNumber":""}""")]
    [InlineData("""{"tokenSerialNumber":"   "}""")]
    [InlineData("""{"tokenSerialNumber":null}""")]
    [InlineData("""{"tokenSerialNumber":123456789}""")]
    [InlineData("""{"tokenSerialNumber":"1234567890123456789012345678901234567"}""")] // 37 characters
    [InlineData("""{"TokenSerialNumber":"000123456789"}""")] // names are case-sensitive
    [InlineData("""{"tokenSerialNumber":"000123456789","tokenSerialNumber":"000123456790"}""")]
    [InlineData("""["000123456789"]""")]
    [InlineData("not json")]
    [InlineData("""{"tokenSerialNumber":"000123456789",}""")]
    public async Task A_missing_invalid_or_non_JSON_body_is_400(string? json)
    {
        using var response = await SecurIdSendAsync(HttpMethod.Post, LookupPath, json, Bearer(Jwt()));

        await response.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task A_body_not_sent_as_JSON_is_400()
    {
        using var response = await SecurIdSendAsync(HttpMethod.Post, LookupPath, Serial(JdoeSerial), Bearer(Jwt()), contentType: "text/plain");

        var message = await response.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
        Assert.Contains("application/json", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_members_are_ignored()
    {
        using var response = await SecurIdSendAsync(HttpMethod.Post, LookupPath, """{"tokenSerialNumber":"000123456789","extra":1}""", Bearer(Jwt()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("v1/sidtokens/lookup")]
    [InlineData("v1/sidTokens/lookup/")]
    public async Task Paths_match_exactly(string path)
    {
        using var response = await SecurIdSendAsync(HttpMethod.Post, path, Serial(JdoeSerial), Bearer(Jwt()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_adminRestApiUrl_path_is_case_sensitive_too()
    {
        var url = Host.SecurIdAdminRestApiUrl.Replace("AdminInterface", "admininterface", StringComparison.Ordinal) + "/" + LookupPath;

        using var response = await Client.SendAsync(Request(HttpMethod.Post, url, Bearer(Jwt()), Serial(JdoeSerial)), Timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
