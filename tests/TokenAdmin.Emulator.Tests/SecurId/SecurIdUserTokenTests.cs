using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

public sealed class SecurIdUserTokenTests : SecurIdTestBase
{
    private const string NowText = "2026-02-03T04:05:06.000+00:00";

    [Fact]
    public async Task Assign_gives_an_unassigned_token_to_the_user_and_records_who_and_when()
    {
        using var response = await UserActionAsync("bwayne", "assign", $$"""{"tokenSerialNumber":"{{UnassignedSerial}}","tokenName":"Bruce's fob"}""", HelpDesk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.ReadJsonAsync();
        Assert.Equal("bwayne", token.GetProperty("userId").GetString());
        Assert.Equal(HelpDesk.AccessId, token.GetProperty("assignedBy").GetString());
        Assert.Equal(NowText, token.GetProperty("assignedAt").GetString());
        Assert.Equal("Bruce's fob", token.GetProperty("name").GetString());
        Assert.Equal("bwayne", Host.SecurId.Find(UnassignedSerial)!.UserId);
    }

    [Fact]
    public async Task Assign_without_a_name_leaves_the_name_null()
    {
        using var response = await UserActionAsync("bwayne", "assign", Serial(UnassignedSerial));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Host.SecurId.Find(UnassignedSerial)!.Name);
    }

    [Fact]
    public async Task Assigning_an_assigned_token_is_409()
    {
        using var response = await UserActionAsync("bwayne", "assign", Serial(JdoeSerial));

        await response.AssertSecurIdErrorAsync(409, "CONFLICT");
        Assert.Equal("jdoe", Host.SecurId.Find(JdoeSerial)!.UserId);
    }

    [Fact]
    public async Task A_token_name_may_have_255_characters_not_256()
    {
        var serial255 = $$"""{"tokenSerialNumber":"{{UnassignedSerial}}","tokenName":"{{new string('n', 255)}}"}""";
        var serial256 = $$"""{"tokenSerialNumber":"000200000001","tokenName":"{{new string('n', 256)}}"}""";

        using var accepted = await UserActionAsync("bwayne", "assign", serial255);
        using var refused = await UserActionAsync("bwayne", "assign", serial256);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await refused.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
        Assert.Null(Host.SecurId.Find("000200000001")!.UserId);
    }

    [Fact]
    public async Task A_token_name_that_is_not_a_string_is_400()
    {
        using var response = await UserActionAsync("bwayne", "assign", $$"""{"tokenSerialNumber":"{{UnassignedSerial}}","tokenName":7}""");

        await response.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Unassign_clears_the_assignment()
    {
        using var response = await UserActionAsync("jdoe", "unassign", Serial(JdoeSerial), HelpDesk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = Host.SecurId.Find(JdoeSerial)!;
        Assert.Null(token.UserId);
        Assert.Null(token.AssignedBy);
        Assert.Null(token.AssignedAt);
        Assert.Null(token.Name);
        Assert.Equal("null", (await response.ReadJsonAsync()).GetProperty("userId").GetRawText());
    }

    [Theory]
    [InlineData("asmith", JdoeSerial)] // someone else's
    [InlineData("JDOE", JdoeSerial)] // user ids are compared exactly
    [InlineData("jdoe", UnassignedSerial)] // nobody's
    public async Task Unassigning_a_token_not_assigned_to_the_user_is_409(string userId, string serial)
    {
        var before = Host.SecurId.Find(serial);

        using var response = await UserActionAsync(userId, "unassign", Serial(serial));

        await response.AssertSecurIdErrorAsync(409, "CONFLICT");
        Assert.Equal(before, Host.SecurId.Find(serial));
    }

    [Fact]
    public async Task Disable_then_enable_change_the_status_and_its_timestamp()
    {
        using var disabled = await UserActionAsync("jdoe", "disable", Serial(JdoeSerial), HelpDesk);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var token = await disabled.ReadJsonAsync();
        Assert.Equal("Disabled", token.GetProperty("tokenStatus").GetString());
        Assert.Equal(NowText, token.GetProperty("tokenStatusChangedAt").GetString());

        Clock.Now = Now.AddSeconds(90);
        using var enabled = await UserActionAsync("jdoe", "enable", Serial(JdoeSerial));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(SecurIdTokenStatus.Enabled, Host.SecurId.Find(JdoeSerial)!.TokenStatus);
        Assert.Equal(Now.AddSeconds(90), Host.SecurId.Find(JdoeSerial)!.TokenStatusChangedAt);
    }

    [Theory]
    [InlineData("jdoe", "enable", JdoeSerial)] // already enabled
    [InlineData("asmith", "disable", AsmithSerial)] // already disabled
    [InlineData("asmith", "disable", JdoeSerial)] // not this user's token
    [InlineData("jdoe", "enable", UnassignedSerial)] // nobody's token
    public async Task Enable_and_disable_conflicts_are_409(string userId, string action, string serial)
    {
        var before = Host.SecurId.Find(serial);

        using var response = await UserActionAsync(userId, action, Serial(serial));

        await response.AssertSecurIdErrorAsync(409, "CONFLICT");
        Assert.Equal(before, Host.SecurId.Find(serial));
    }

    [Theory]
    [InlineData("assign")]
    [InlineData("unassign")]
    [InlineData("enable")]
    [InlineData("disable")]
    public async Task An_unknown_serial_is_404(string action)
    {
        using var response = await UserActionAsync("jdoe", action, Serial("999999999999"));

        await response.AssertSecurIdErrorAsync(404, "TOKEN_NOT_FOUND");
    }

    [Theory]
    [InlineData("assign")]
    [InlineData("unassign")]
    [InlineData("enable")]
    [InlineData("disable")]
    public async Task An_invalid_body_is_400(string action)
    {
        using var response = await UserActionAsync("jdoe", action, """{"tokenSerialNumber":""}""");

        await response.AssertSecurIdErrorAsync(400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Each_action_has_its_route_name()
    {
        using var assign = await UserActionAsync("bwayne", "assign", Serial(UnassignedSerial));
        using var disable = await UserActionAsync("bwayne", "disable", Serial(UnassignedSerial));
        using var enable = await UserActionAsync("bwayne", "enable", Serial(UnassignedSerial));
        using var unassign = await UserActionAsync("bwayne", "unassign", Serial(UnassignedSerial));

        Assert.Equal(
            [SecurIdRouteNames.AssignToken, SecurIdRouteNames.DisableToken, SecurIdRouteNames.EnableToken, SecurIdRouteNames.UnassignToken],
            Host.Requests.Entries.Select(entry => entry.RouteName ?? string.Empty));
        Assert.All(Host.Requests.Entries, entry => Assert.Equal(200, entry.StatusCode));
    }

    [Fact]
    public async Task State_can_be_arranged_and_is_reset_to_the_seed()
    {
        var arranged = new SecurIdTokenRecord("X-1", "SecurID 700", SecurIdTokenStatus.Enabled, null, null, null, Now, null, null, null, PinSet: false);
        Host.SecurId.Add(arranged);
        Assert.Throws<ArgumentException>(() => Host.SecurId.Add(arranged));
        using var assigned = await UserActionAsync("bwayne", "assign", Serial("X-1"));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);

        Host.Reset();

        Assert.Null(Host.SecurId.Find("X-1"));
        Assert.Equal(SecurIdSeedData.Tokens, Host.SecurId.Tokens);
    }
}
