using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Core.SecurId;

/// <summary>
/// Mints the RS256 JWTs the Cloud Administration API wants on every request, with the
/// framework's own RSA (no identity library: those are a classic source of assembly clashes
/// between PowerShell modules). A JWT is reused until shortly before it expires, then a new one
/// is minted, so long bulk runs never send an expired token and nobody notices the refresh.
/// </summary>
public sealed class SecurIdJwtIssuer
{
    private readonly SecurIdApiKey _key;
    private readonly IClock _clock;
    private readonly object _gate = new();
    private string? _current;
    private DateTimeOffset _currentExpiry;

    public SecurIdJwtIssuer(SecurIdApiKey key, TimeSpan lifetime, IClock clock)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > SecurIdProtocol.MaxJwtLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A SecurID JWT lives more than 0 and at most {SecurIdProtocol.MaxJwtLifetime.TotalMinutes} minutes.");
        }

        _key = key;
        Lifetime = lifetime;
        _clock = clock;
    }

    public TimeSpan Lifetime { get; }

    /// <summary>How many JWTs were minted: tests check reuse and refresh.</summary>
    public int Minted { get; private set; }

    /// <summary>A JWT valid for at least the refresh margin (or half its lifetime, if shorter).</summary>
    public string Current()
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            var margin = TimeSpan.FromTicks(Math.Min(SecurIdProtocol.JwtRefreshMargin.Ticks, Lifetime.Ticks / 2));
            if (_current is null || now >= _currentExpiry - margin)
            {
                _current = Mint(_key, now, Lifetime);
                _currentExpiry = now + Lifetime;
                Minted++;
            }

            return _current;
        }
    }

    /// <summary>header.payload.signature, each base64url without padding; RSASSA-PKCS1-v1_5 over SHA-256.</summary>
    public static string Mint(SecurIdApiKey key, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        var iat = issuedAt.ToUnixTimeSeconds();
        var claims = JsonSerializer.Serialize(new ClaimSet(key.AccessId, key.AdminRestApiUrl, iat, iat + (long)lifetime.TotalSeconds));
        var signingInput = $"{Base64Url(Encoding.UTF8.GetBytes(SecurIdProtocol.JwtHeaderJson))}.{Base64Url(Encoding.UTF8.GetBytes(claims))}";
        var signature = key.PrivateKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    /// <summary>RFC 7515 base64url: no padding, '-' and '_' (System.Buffers.Text.Base64Url arrives only in .NET 9).</summary>
    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record ClaimSet(
        [property: System.Text.Json.Serialization.JsonPropertyName("sub")] string Sub,
        [property: System.Text.Json.Serialization.JsonPropertyName("aud")] string Aud,
        [property: System.Text.Json.Serialization.JsonPropertyName("iat")] long Iat,
        [property: System.Text.Json.Serialization.JsonPropertyName("exp")] long Exp);
}
