using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.SecurId;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.SecurId;

/// <summary>The JWT checked independently of the code that makes it: by hand, with RSA.VerifyData.</summary>
public sealed class SecurIdJwtTests : IDisposable
{
    private readonly SecurIdApiKey _key = SecurIdKeyReader.FromValues(TestKeys.AccessId, SecretText.Protect(TestKeys.Pkcs1Pem), TestKeys.AdminRestApiUrl);
    private readonly VirtualClock _clock = new();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Has_the_documented_header_claims_and_a_valid_RS256_signature()
    {
        var jwt = new SecurIdJwtIssuer(_key, TimeSpan.FromMinutes(30), _clock).Current();

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.DoesNotMatch("[+/=]", p)); // base64url, unpadded
        using (var header = JsonDocument.Parse(Decode(parts[0])))
        {
            Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
            Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
            Assert.Equal(2, CountProperties(header.RootElement));
        }

        using var claims = JsonDocument.Parse(Decode(parts[1]));
        Assert.Equal(TestKeys.AccessId, claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal(TestKeys.AdminRestApiUrl, claims.RootElement.GetProperty("aud").GetString()); // exactly as in the key file
        var iat = claims.RootElement.GetProperty("iat").GetInt64();
        Assert.Equal(_clock.UtcNow.ToUnixTimeSeconds(), iat);
        Assert.Equal(iat + 1800, claims.RootElement.GetProperty("exp").GetInt64());

        using var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(TestKeys.Rsa.ExportSubjectPublicKeyInfo(), out _);
        Assert.True(publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.False(publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}x"), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Is_reused_until_shortly_before_expiry_then_minted_again()
    {
        var issuer = new SecurIdJwtIssuer(_key, TimeSpan.FromMinutes(30), _clock);

        var first = issuer.Current();
        _clock.Advance(TimeSpan.FromMinutes(27));
        var reused = issuer.Current();
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // 28:01: inside the 2-minute margin
        var renewed = issuer.Current();

        Assert.Same(first, reused);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, issuer.Minted);
        using var claims = JsonDocument.Parse(Decode(renewed.Split('.')[1]));
        Assert.Equal(_clock.UtcNow.ToUnixTimeSeconds(), claims.RootElement.GetProperty("iat").GetInt64());
    }

    [Fact]
    public void A_short_lifetime_renews_at_half_time()
    {
        var issuer = new SecurIdJwtIssuer(_key, TimeSpan.FromMinutes(1), _clock);

        var first = issuer.Current();
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Same(first, issuer.Current());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotSame(first, issuer.Current());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Lifetimes_beyond_an_hour_are_refused(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SecurIdJwtIssuer(_key, TimeSpan.FromMinutes(minutes), _clock));

    [Fact]
    public void The_authenticator_marks_the_jwt_and_its_signature_as_secrets()
    {
        var authenticator = new SecurIdAuthenticator(new SecurIdJwtIssuer(_key, TimeSpan.FromMinutes(5), _clock));
        var request = TokenAdmin.Core.Http.ServiceRequest.Create(System.Net.Http.HttpMethod.Post, "v1/sidTokens/lookup", "look up").ToOutgoing();

        authenticator.AuthenticateAsync(request, default).AsTask().Wait();

        var jwt = request.Headers["Authorization"]["Bearer ".Length..];
        Assert.Contains(jwt, request.SensitiveValues);
        Assert.Contains(jwt.Split('.')[2], request.SensitiveValues);
    }

    private static byte[] Decode(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
