using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Apstrata;

/// <summary>
/// apstrata signatures against known answers: the documented simple example, and complex vectors
/// whose string to sign is written out by hand here and hashed with the framework directly, not
/// with the production code.
/// </summary>
public sealed class ApstrataSignatureTests
{
    [Fact]
    public void The_documented_simple_signature_example()
    {
        // SERVICES.md §2: time 1234567890, key asdfg, action CreateStore, secret qwerty.
        var signature = ApstrataSignature.Simple("1234567890", "asdfg", "CreateStore", "qwerty");

        Assert.Equal("58c13ef2caf91bbebae5296bd85c9fe0", signature, ignoreCase: true);
        Assert.Equal(signature.ToUpperInvariant(), signature); // [assume] sent upper case
    }

    [Fact]
    public void A_user_key_is_the_upper_hex_MD5_of_the_password() =>
        Assert.Equal("5F4DCC3B5AA765D61D8327DEB882CF99", ApstrataSignature.UserKey("password"));

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b", "a%7Eb")]
    [InlineData("domingo@dodge.com", "domingo%40dodge.com")]
    [InlineData("A-Z_a.z0", "A-Z_a.z0")]
    [InlineData("é", "%C3%A9")]
    [InlineData("a+b/c", "a%2Bb%2Fc")]
    public void Encoding_is_the_SDK_s_URLEncoder_with_space_and_star_fixed(string value, string encoded) =>
        Assert.Equal(encoded, ApstrataSignature.Encode(value));

    [Fact]
    public void The_complex_string_to_sign_sorts_the_encoded_pairs_by_ordinal_and_counts_a_pair_once()
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("userList", "zed@x.com"),
            new("apsws.time", "1700000000000"),
            new("userList", "amy lee"),
            new("userList", "zed@x.com"),
            new("apsws.responseType", "json"),
        };

        var text = ApstrataSignature.StringToSign("POST", "http://sandbox.apstrata.com/apsdb/rest/KEY1/DeleteToken", parameters);

        Assert.Equal(
            "POST\nhttp%3A%2F%2Fsandbox.apstrata.com%2Fapsdb%2Frest%2FKEY1%2FDeleteToken\n" +
            "apsws.responseType=json&apsws.time=1700000000000&userList=amy%20lee&userList=zed%40x.com",
            text);
    }

    [Theory]
    [InlineData("owner-secret")]
    [InlineData("5F4DCC3B5AA765D61D8327DEB882CF99")]
    public void The_complex_signature_is_HMAC_SHA1_of_the_string_to_sign_in_upper_hex(string key)
    {
        const string StringToSign = "POST\nhttps%3A%2F%2Fapi.example%2Fapsdb%2Frest%2FK%2FVerifyCredentials\napsdb.action=generate&apsws.time=1&apsws.user=amy";
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(key));
        var expected = string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(StringToSign)).Select(b => b.ToString("X2")));

        Assert.Equal(expected, ApstrataSignature.Complex(StringToSign, key));
    }

    [Fact]
    public async Task An_owner_request_carries_time_and_a_complex_signature_over_query_and_body_and_no_auth_mode()
    {
        var clock = new VirtualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));
        var authenticator = ApstrataAuthenticator.ForOwner(new Uri("https://api.example/"), "KEY1", SecretText.Protect("owner-secret"), ApstrataSigningMode.Complex, clock);
        var body = new List<KeyValuePair<string, string>> { new("userList", "amy@x.com"), new("apsws.responseType", "json") };
        var request = new ServiceRequest(HttpMethod.Post, "apsdb/rest/KEY1/DeleteToken", "delete") { Authentication = new ApstrataCall("DeleteToken", body) }.ToOutgoing();

        await authenticator.AuthenticateAsync(request, default);

        var query = request.Query.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("1700000000123", query["apsws.time"]);
        Assert.False(query.ContainsKey("apsws.authMode"));
        Assert.False(query.ContainsKey("apsws.user"));
        const string Expected = "POST\nhttps%3A%2F%2Fapi.example%2Fapsdb%2Frest%2FKEY1%2FDeleteToken\napsws.responseType=json&apsws.time=1700000000123&userList=amy%40x.com";
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("owner-secret"));
        Assert.Equal(string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(Expected)).Select(b => b.ToString("X2"))), query["apsws.authSig"]);
        Assert.Contains(query["apsws.authSig"], request.SensitiveValues);
    }

    [Fact]
    public async Task A_simple_user_request_names_the_mode_and_the_user_and_signs_with_the_password_hash()
    {
        var clock = new VirtualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_234_567_890));
        var authenticator = ApstrataAuthenticator.ForUser(new Uri("https://api.example/"), "KEY1", "amy", SecretText.Protect("password"), ApstrataSigningMode.Simple, clock);
        var request = new ServiceRequest(HttpMethod.Post, "apsdb/rest/KEY1/VerifyCredentials", "verify")
        {
            Authentication = new ApstrataCall("VerifyCredentials", new List<KeyValuePair<string, string>>()),
        }.ToOutgoing();

        await authenticator.AuthenticateAsync(request, default);

        var query = request.Query.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("simple", query["apsws.authMode"]);
        Assert.Equal("amy", query["apsws.user"]);
        var expected = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes("1234567890" + "amy" + "VerifyCredentials" + "5F4DCC3B5AA765D61D8327DEB882CF99")));
        Assert.Equal(expected, query["apsws.authSig"]);
        Assert.DoesNotContain("password", request.SensitiveValues); // only the hash is kept
    }

    [Fact]
    public async Task A_token_request_carries_the_token_in_the_query_and_the_user_in_the_body_unsigned()
    {
        var authenticator = ApstrataAuthenticator.ForToken(new Uri("https://api.example/"), "KEY1", "amy@x.com", SecretText.Protect("tok-123456"), new VirtualClock());
        var request = new ServiceRequest(HttpMethod.Post, "apsdb/rest/KEY1/DeleteToken", "delete") { Authentication = new ApstrataCall("DeleteToken", Array.Empty<KeyValuePair<string, string>>()) }
            .WithBody("apsws.responseType=json", "application/x-www-form-urlencoded").ToOutgoing();

        await authenticator.AuthenticateAsync(request, default);

        Assert.Contains(request.Query, p => p.Key == "apsdb.authToken" && p.Value == "tok-123456");
        Assert.DoesNotContain(request.Query, p => p.Key == "apsws.authSig");
        Assert.Equal("apsws.responseType=json&apsws.user=amy%40x.com", request.Body);
    }
}
