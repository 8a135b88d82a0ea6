using System;
using System.Buffers.Text;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

/// <summary>Every JWT rule of SERVICES.md §3, broken one at a time: each is 403 ACCESS_DENIED, saying which rule.</summary>
public sealed class SecurIdAuthenticationTests : SecurIdTestBase
{
    private string Aud => Host.SecurIdAdminRestApiUrl;

    private string ValidClaims => SecurIdJwt.Claims(SuperAdmin.AccessId, Aud, NowSeconds, NowSeconds + 3600);

    private async Task<string> AssertRefusedAsync(string jwt, string reason)
    {
        using var response = await LookupWithAsync(Bearer(jwt));
        var message = await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt, message, StringComparison.Ordinal);
        return message;
    }

    [Fact]
    public async Task A_valid_JWT_of_either_key_is_accepted()
    {
        using var super = await LookupWithAsync(Bearer(Jwt(SuperAdmin)));
        using var helpDesk = await LookupWithAsync(Bearer(Jwt(HelpDesk)));

        Assert.Equal(HttpStatusCode.OK, super.StatusCode);
        Assert.Equal(HttpStatusCode.OK, helpDesk.StatusCode);
    }

    [Fact]
    public async Task A_JWT_may_be_reused_until_it_expires()
    {
        var jwt = Jwt();

        using var first = await LookupWithAsync(Bearer(jwt));
        Clock.Now = Now.AddMinutes(30);
        using var second = await LookupWithAsync(Bearer(jwt));
        Clock.Now = Now.AddHours(2);
        using var third = await LookupWithAsync(Bearer(jwt));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await third.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Other_claims_are_ignored()
    {
        var claims = $$"""{"jti":"abc","sub":"{{SuperAdmin.AccessId}}","nbf":9999999999,"aud":"{{Aud}}","iat":{{NowSeconds}},"exp":{{NowSeconds + 60}},"scope":["x"]}""";

        using var response = await LookupWithAsync(Bearer(SecurIdJwt.Sign(SecurIdJwt.Header, claims, SuperAdmin.PrivateKeyPem)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Header_member_order_does_not_matter()
    {
        var jwt = SecurIdJwt.Sign("""{"alg":"RS256","typ":"JWT"}""", ValidClaims, SuperAdmin.PrivateKeyPem);

        using var response = await LookupWithAsync(Bearer(jwt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_Bearer_scheme_name_is_case_insensitive()
    {
        using var response = await LookupWithAsync(new AuthenticationHeaderValue("bearer", Jwt()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_Authorization_is_403_not_401()
    {
        using var response = await LookupWithAsync(auth: null);

        var message = await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
        Assert.Contains("Bearer", message, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
    }

    [Fact]
    public async Task Another_scheme_is_403()
    {
        using var response = await LookupWithAsync(new AuthenticationHeaderValue("JWT", Jwt()));

        await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task A_bare_JWT_without_a_scheme_is_403()
    {
        using var request = Request(HttpMethod.Post, SecurIdUri(LookupPath).AbsoluteUri, auth: null, Serial(JdoeSerial));
        request.Headers.TryAddWithoutValidation("Authorization", Jwt());

        using var response = await Client.SendAsync(request, Timeout);

        await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Two_Authorization_headers_are_403()
    {
        using var request = Request(HttpMethod.Post, SecurIdUri(LookupPath).AbsoluteUri, auth: null, Serial(JdoeSerial));
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + Jwt(), "Bearer " + Jwt()]);

        using var response = await Client.SendAsync(request, Timeout);

        await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Theory]
    [InlineData("""{"typ":"JWT","alg":"HS256"}""", "alg must be RS256")]
    [InlineData("""{"typ":"JWT","alg":"RS512"}""", "alg must be RS256")]
    [InlineData("""{"typ":"JWT","alg":"PS256"}""", "alg must be RS256")]
    [InlineData("""{"typ":"JWT","alg":"rs256"}""", "alg must be RS256")]
    [InlineData("""{"typ":"JWT"}""", "alg must be RS256")]
    [InlineData("""{"alg":"RS256"}""", "typ must be JWT")]
    [InlineData("""{"typ":"jwt","alg":"RS256"}""", "typ must be JWT")]
    [InlineData("""{"typ":"JWS","alg":"RS256"}""", "typ must be JWT")]
    [InlineData("""{"typ":"JWT","alg":"RS256","kid":"k1"}""", "only typ and alg")]
    [InlineData("""{"typ":"JWT","alg":"RS256","alg":"RS256"}""", "header is not a JSON object")]
    [InlineData("""["JWT","RS256"]""", "header is not a JSON object")]
    [InlineData("not json", "header is not a JSON object")]
    public async Task A_header_other_than_typ_JWT_alg_RS256_is_refused_even_when_signed_by_the_key(string header, string reason)
    {
        await AssertRefusedAsync(SecurIdJwt.Sign(header, ValidClaims, SuperAdmin.PrivateKeyPem), reason);
    }

    [Fact]
    public async Task Alg_none_without_a_signature_is_refused()
    {
        var unsigned = SecurIdJwt.Encode("""{"typ":"JWT","alg":"none"}""") + "." + SecurIdJwt.Encode(ValidClaims) + ".";

        await AssertRefusedAsync(unsigned, "alg must be RS256");
    }

    [Fact]
    public async Task HS256_keyed_with_the_public_key_is_refused()
    {
        // The classic confusion attack: an HMAC "signed" with the verifier's public key.
        var signingInput = SecurIdJwt.Encode("""{"typ":"JWT","alg":"HS256"}""") + "." + SecurIdJwt.Encode(ValidClaims);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.ASCII.GetBytes(SuperAdmin.PublicKeyPem), Encoding.ASCII.GetBytes(signingInput));

        await AssertRefusedAsync(signingInput + "." + Base64Url.EncodeToString(mac), "alg must be RS256");
    }

    [Fact]
    public async Task A_signature_by_the_other_key_is_refused()
    {
        // sub names the Super Administrator, the Help Desk key signed: a Help Desk key must not pass as Super.
        await AssertRefusedAsync(SecurIdJwt.Sign(SecurIdJwt.Header, ValidClaims, HelpDesk.PrivateKeyPem), "signature does not verify");
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var jwt = Jwt(HelpDesk);
        var parts = jwt.Split('.');
        var forged = parts[0] + "." + SecurIdJwt.Encode(SecurIdJwt.Claims(SuperAdmin.AccessId, Aud, NowSeconds, NowSeconds + 3600)) + "." + parts[2];

        await AssertRefusedAsync(forged, "signature does not verify");
    }

    [Fact]
    public async Task A_corrupted_signature_is_refused()
    {
        var parts = Jwt().Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[^1] ^= 1;

        await AssertRefusedAsync(parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(signature), "signature does not verify");
    }

    [Fact]
    public async Task A_signature_over_re_encoded_segments_is_refused()
    {
        // Same JSON, different bytes: the signature covers the segments as sent.
        var parts = Jwt().Split('.');
        var respaced = SecurIdJwt.Encode("""{"typ":"JWT", "alg":"RS256"}""");

        await AssertRefusedAsync(respaced + "." + parts[1] + "." + parts[2], "signature does not verify");
    }

    [Fact]
    public async Task An_unknown_sub_is_refused()
    {
        var claims = SecurIdJwt.Claims("00000000-0000-0000-0000-000000000000", Aud, NowSeconds, NowSeconds + 3600);

        await AssertRefusedAsync(SecurIdJwt.Sign(SecurIdJwt.Header, claims, SuperAdmin.PrivateKeyPem), "sub is not the accessID");
    }

    [Fact]
    public async Task The_sub_is_compared_exactly()
    {
        var claims = SecurIdJwt.Claims(SuperAdmin.AccessId.ToUpperInvariant(), Aud, NowSeconds, NowSeconds + 3600);

        await AssertRefusedAsync(SecurIdJwt.Sign(SecurIdJwt.Header, claims, SuperAdmin.PrivateKeyPem), "sub is not the accessID");
    }

    public static TheoryData<string> WrongAudiences =>
    [
        "{0}/",
        "{0}/v1/sidTokens/lookup",
        "{0} ",
        "https://tenant.access.securid.com/AdminInterface/restapi",
    ];

    [Theory]
    [MemberData(nameof(WrongAudiences))]
    public async Task An_aud_other_than_the_adminRestApiUrl_exactly_is_refused(string audienceFormat)
    {
        var aud = string.Format(System.Globalization.CultureInfo.InvariantCulture, audienceFormat, Aud);

        var message = await AssertRefusedAsync(Jwt(aud: aud), "aud must equal the adminRestApiUrl");
        Assert.EndsWith(Aud, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aud_is_compared_case_sensitively()
    {
        await AssertRefusedAsync(Jwt(aud: Aud.Replace("AdminInterface", "admininterface", StringComparison.Ordinal)), "aud must equal");
    }

    [Fact]
    public async Task The_aud_must_name_the_host_as_announced_not_an_alias()
    {
        await AssertRefusedAsync(Jwt(aud: Aud.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)), "aud must equal");
    }

    [Theory]
    [InlineData("""{"aud":"{aud}","iat":{iat},"exp":{exp}}""", "needs sub")]
    [InlineData("""{"sub":"{sub}","iat":{iat},"exp":{exp}}""", "needs sub")]
    [InlineData("""{"sub":42,"aud":"{aud}","iat":{iat},"exp":{exp}}""", "needs sub")]
    [InlineData("""{"sub":"{sub}","aud":["{aud}"],"iat":{iat},"exp":{exp}}""", "needs sub")]
    [InlineData("""{"sub":"{sub}","aud":"{aud}","exp":{exp}}""", "needs iat and exp")]
    [InlineData("""{"sub":"{sub}","aud":"{aud}","iat":{iat}}""", "needs iat and exp")]
    [InlineData("""{"sub":"{sub}","aud":"{aud}","iat":"{iat}","exp":{exp}}""", "needs iat and exp")]
    [InlineData("""{"sub":"{sub}","aud":"{aud}","iat":{iat},"exp":null}""", "needs iat and exp")]
    [InlineData("""{"sub":"{sub}","sub":"{sub}","aud":"{aud}","iat":{iat},"exp":{exp}}""", "payload is not a JSON object")]
    [InlineData("""["{sub}"]""", "payload is not a JSON object")]
    public async Task Claims_missing_or_of_the_wrong_type_are_refused(string template, string reason)
    {
        var claims = template
            .Replace("{sub}", SuperAdmin.AccessId, StringComparison.Ordinal)
            .Replace("{aud}", Aud, StringComparison.Ordinal)
            .Replace("{iat}", NowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{exp}", (NowSeconds + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        await AssertRefusedAsync(SecurIdJwt.Sign(SecurIdJwt.Header, claims, SuperAdmin.PrivateKeyPem), reason);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "two.segments", "three base64url segments" },
        { "a.b.c.d", "three base64url segments" },
        { "{header}.{payload}.{signature}.", "three base64url segments" },
        { "{header}={payload}.{signature}", "three base64url segments" },
        { ".{payload}.{signature}", "header is not base64url" },
        { "{header}=.{payload}.{signature}", "header is not base64url" },
        { "{header}.{payload}=.{signature}", "payload is not base64url" },
        { "{header}.{payload}.{signature}==", "signature is not base64url" },
        { "{header}.{payload}.+/+/", "signature is not base64url" },
        { "{header}.{payload}.", "signature is not base64url" },
        { "{header}.!.{signature}", "payload is not base64url" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_segments_are_refused(string template, string reason)
    {
        var parts = Jwt().Split('.');
        var jwt = template.Replace("{header}", parts[0], StringComparison.Ordinal)
            .Replace("{payload}", parts[1], StringComparison.Ordinal)
            .Replace("{signature}", parts[2], StringComparison.Ordinal);

        await AssertRefusedAsync(jwt, reason);
    }

    // The time rules, at their exact limits against the pinned clock (skew 60 s, lifetime 1 h):
    // iat <= now + 60; exp > now - 60; exp - iat <= 3660.

    [Fact]
    public async Task Iat_60_seconds_ahead_passes_61_fails()
    {
        using var atLimit = await LookupWithAsync(Bearer(Jwt(iat: NowSeconds + 60, exp: NowSeconds + 60 + 3600)));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);

        await AssertRefusedAsync(Jwt(iat: NowSeconds + 61, exp: NowSeconds + 61 + 3600), "iat is in the future");
    }

    [Fact]
    public async Task Exp_59_seconds_past_passes_60_fails()
    {
        using var atLimit = await LookupWithAsync(Bearer(Jwt(iat: NowSeconds - 3000, exp: NowSeconds - 59)));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);

        await AssertRefusedAsync(Jwt(iat: NowSeconds - 3000, exp: NowSeconds - 60), "expired");
    }

    [Fact]
    public async Task A_lifetime_of_3660_seconds_passes_3661_fails()
    {
        using var atLimit = await LookupWithAsync(Bearer(Jwt(iat: NowSeconds - 100, exp: NowSeconds - 100 + 3660)));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);

        await AssertRefusedAsync(Jwt(iat: NowSeconds - 100, exp: NowSeconds - 100 + 3661), "exceeds one hour");
    }

    [Fact]
    public async Task A_long_expired_JWT_is_refused()
    {
        await AssertRefusedAsync(Jwt(iat: NowSeconds - 7200, exp: NowSeconds - 3600), "expired");
    }

    [Fact]
    public async Task The_clock_is_the_hosts_TimeProvider()
    {
        var jwt = Jwt();
        Clock.Now = Now.AddSeconds(3600 + 59);
        using var stillValid = await LookupWithAsync(Bearer(jwt));
        Clock.Now = Now.AddSeconds(3600 + 60);
        using var expired = await LookupWithAsync(Bearer(jwt));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        await expired.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Fractional_epoch_seconds_are_numbers_too()
    {
        var claims = $$"""{"sub":"{{SuperAdmin.AccessId}}","aud":"{{Aud}}","iat":{{NowSeconds}}.5,"exp":{{NowSeconds + 3600}}.5}""";

        using var response = await LookupWithAsync(Bearer(SecurIdJwt.Sign(SecurIdJwt.Header, claims, SuperAdmin.PrivateKeyPem)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authentication_comes_before_body_validation()
    {
        using var response = await SecurIdSendAsync(HttpMethod.Post, LookupPath, "not json", auth: null);

        await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Every_route_verifies_the_JWT()
    {
        var expired = Bearer(Jwt(iat: NowSeconds - 7200, exp: NowSeconds - 3600));
        (HttpMethod Method, string Path)[] routes =
        [
            (HttpMethod.Post, LookupPath),
            (HttpMethod.Delete, DeletePath),
            (HttpMethod.Patch, "v1/users/jdoe/sidTokens/assign"),
            (HttpMethod.Patch, "v1/users/jdoe/sidTokens/unassign"),
            (HttpMethod.Patch, "v1/users/jdoe/sidTokens/enable"),
            (HttpMethod.Patch, "v1/users/jdoe/sidTokens/disable"),
        ];

        foreach (var (method, path) in routes)
        {
            using var response = await SecurIdSendAsync(method, path, Serial(JdoeSerial), expired);
            await response.AssertSecurIdErrorAsync(403, "ACCESS_DENIED");
        }

        Assert.Equal(SeedCount, Host.SecurId.Tokens.Count);
        Assert.Equal(Host.SecurId.Find(JdoeSerial), SecurIdSeedData.Tokens[0]);
        Assert.Equal(routes.Length, Host.Requests.Entries.Count(entry => entry.StatusCode == 403));
    }

    [Fact]
    public async Task The_journal_records_the_scheme_but_never_the_JWT()
    {
        var jwt = Jwt();

        using var ok = await LookupWithAsync(Bearer(jwt));
        using var refused = await LookupWithAsync(Bearer(jwt + "x"));

        var entries = Host.Requests.Entries;
        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry =>
        {
            Assert.Equal(SecurIdRouteNames.LookupToken, entry.RouteName);
            Assert.Equal("Bearer", entry.AuthScheme);
            Assert.DoesNotContain(jwt[..20], entry.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal([200, 403], entries.Select(entry => entry.StatusCode ?? 0));
        Assert.Equal(Serial(JdoeSerial), entries[0].Body);

        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var journal = await admin.GetStringAsync(new Uri(Host.BaseAddress, "_emulator/requests"), Timeout);
        Assert.DoesNotContain(jwt.Split('.')[2], journal, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt.Split('.')[1], journal, StringComparison.Ordinal);
    }
}
