using System;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Core.Wire;
using Xunit;

namespace TokenAdmin.Tests.PowerClerk;

/// <summary>PowerClerk answers read as SERVICES.md says: attributes or child elements, any namespace, any case.</summary>
public sealed class TolerantXmlTests
{
    [Theory]
    [InlineData("<CreateMfaSessionTokenResponse TokenId=\"RXKVCEZTR0GN\" Token=\"s3cr3t\" ExpiresAt=\"2026-11-22T10:00:00Z\" />")]
    [InlineData("<createmfasessiontokenresponse tokenid=\"RXKVCEZTR0GN\" token=\"s3cr3t\" expiresat=\"2026-11-22T10:00:00Z\"/>")]
    [InlineData("<CreateMfaSessionTokenResponse xmlns=\"http://schemas.powerclerk.com/api\"><TokenId>RXKVCEZTR0GN</TokenId><Token> s3cr3t </Token><ExpiresAt>2026-11-22T10:00:00Z</ExpiresAt></CreateMfaSessionTokenResponse>")]
    [InlineData("<?xml version=\"1.0\"?><Envelope><p:CreateMfaSessionTokenResponse xmlns:p=\"urn:x\" p:TokenId=\"RXKVCEZTR0GN\" p:Token=\"s3cr3t\" p:ExpiresAt=\"2026-11-22T10:00:00+00:00\"/></Envelope>")]
    public void A_created_token_is_read_from_any_of_its_shapes(string body)
    {
        var created = PowerClerkXml.ReadCreated(body);

        Assert.Equal("RXKVCEZTR0GN", created.TokenId);
        Assert.Equal("s3cr3t", TokenAdmin.Core.Http.Authentication.SecretText.Reveal(created.Token));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), created.ExpiresAt);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("<html>login</html>", "no TokenId")]
    [InlineData("<CreateMfaSessionTokenResponse TokenId=\"../x\" Token=\"t\"/>", "letters and digits")]
    [InlineData("{\"tokenId\":\"x\"}", "not XML")]
    public void Anything_else_is_a_clear_format_problem(string body, string said) =>
        Assert.Contains(said, Assert.Throws<FormatException>(() => PowerClerkXml.ReadCreated(body)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_DTD_is_refused_so_no_entity_expands()
    {
        const string Bomb = "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><x>&b;</x>";
        Assert.Throws<FormatException>(() => TolerantXml.Parse(Bomb));
    }
}
