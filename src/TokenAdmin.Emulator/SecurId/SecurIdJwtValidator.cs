using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace TokenAdmin.Emulator;

/// <summary>The key a request's JWT was signed with, or why the JWT was refused.</summary>
internal readonly record struct SecurIdJwtResult(SecurIdDemoKey? Key, string? Failure);

/// <summary>
/// Verifies <c>Authorization: Bearer &lt;JWT&gt;</c> as SERVICES.md §3 describes, every rule:
/// compact JWS of three base64url segments; header exactly <c>{"typ":"JWT","alg":"RS256"}</c>;
/// claims <c>sub</c> (a known accessID), <c>aud</c> (the adminRestApiUrl, ordinal), <c>iat</c> and
/// <c>exp</c> (epoch seconds); RS256 signature by the key <c>sub</c> names; 60 s of clock skew on
/// each time rule; at most one hour between iat and exp. Other claims are ignored. Failure
/// messages name the rule and never repeat the JWT or its claims.
/// </summary>
internal sealed class SecurIdJwtValidator(TimeProvider timeProvider, IReadOnlyList<SecurIdDemoKey> keys)
{
    public const int ClockSkewSeconds = 60;
    public const int MaxLifetimeSeconds = 3600;

    private static readonly JsonDocumentOptions StrictJson = new()
    {
        AllowDuplicateProperties = false, // A claim given twice is ambiguous: refuse rather than pick one.
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public SecurIdJwtResult Validate(StringValues authorization, string expectedAudience)
    {
        if (authorization.Count != 1 || !HttpAuthorization.TrySplit(authorization[0], out var scheme, out var jwt)
            || !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Send exactly one Authorization: Bearer <JWT> header.");
        }

        var segments = jwt.Split('.');
        if (segments.Length != 3)
        {
            return Fail("The JWT must be three base64url segments: header.payload.signature.");
        }

        // Header first: an unsigned "alg":"none" JWT (empty third segment) is refused for its alg.
        if (!TryDecode(segments[0], out var headerBytes))
        {
            return Fail(NotBase64Url("header"));
        }

        if (CheckHeader(headerBytes) is { } headerFailure)
        {
            return Fail(headerFailure);
        }

        if (!TryDecode(segments[1], out var payloadBytes))
        {
            return Fail(NotBase64Url("payload"));
        }

        if (!TryReadClaims(payloadBytes, out var claims, out var claimsFailure))
        {
            return Fail(claimsFailure);
        }

        if (!TryDecode(segments[2], out var signature))
        {
            return Fail(NotBase64Url("signature"));
        }

        var key = keys.FirstOrDefault(candidate => string.Equals(candidate.AccessId, claims.Subject, StringComparison.Ordinal));
        if (key is null)
        {
            return Fail("The JWT sub is not the accessID of any API key.");
        }

        // Signed over the segments exactly as sent, not over re-encoded JSON.
        var signedData = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
        if (!key.Verify(signedData, signature))
        {
            return Fail("The JWT signature does not verify with the API key its sub names (RS256).");
        }

        if (!string.Equals(claims.Audience, expectedAudience, StringComparison.Ordinal))
        {
            return Fail($"The JWT aud must equal the adminRestApiUrl exactly: {expectedAudience}");
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000m;
        if (claims.IssuedAt > now + ClockSkewSeconds)
        {
            return Fail($"The JWT iat is in the future (beyond {ClockSkewSeconds} s of clock skew).");
        }

        if (claims.Expires <= now - ClockSkewSeconds)
        {
            return Fail($"The JWT expired (exp is past, beyond {ClockSkewSeconds} s of clock skew).");
        }

        if (claims.Expires - claims.IssuedAt > MaxLifetimeSeconds + ClockSkewSeconds)
        {
            return Fail($"The JWT lifetime (exp - iat) exceeds one hour (plus {ClockSkewSeconds} s of clock skew).");
        }

        return new SecurIdJwtResult(key, null);
    }

    private static SecurIdJwtResult Fail(string message) => new(null, message);

    private static string NotBase64Url(string segment) =>
        $"The JWT {segment} is not base64url (RFC 7515: URL-safe alphabet, no padding, no whitespace).";

    private static string? CheckHeader(byte[] json)
    {
        if (!TryParseObject(json, out var header))
        {
            return "The JWT header is not a JSON object.";
        }

        using (header)
        {
            var root = header.RootElement;
            if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
            {
                return "The JWT alg must be RS256.";
            }

            if (!root.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String || typ.GetString() != "JWT")
            {
                return "The JWT typ must be JWT.";
            }

            // "Anything else is refused" (SERVICES.md §3): no kid, jku, x5u, crit or other parameters.
            return root.EnumerateObject().Count() == 2 ? null : "The JWT header may hold only typ and alg.";
        }
    }

    private static bool TryReadClaims(byte[] json, out Claims claims, out string failure)
    {
        claims = default;
        failure = string.Empty;
        if (!TryParseObject(json, out var payload))
        {
            failure = "The JWT payload is not a JSON object.";
            return false;
        }

        using (payload)
        {
            var root = payload.RootElement;
            if (!TryString(root, "sub", out var subject) || !TryString(root, "aud", out var audience))
            {
                failure = "The JWT needs sub (the accessID) and aud (the adminRestApiUrl) as strings.";
                return false;
            }

            if (!TrySeconds(root, "iat", out var issuedAt) || !TrySeconds(root, "exp", out var expires))
            {
                failure = "The JWT needs iat and exp as numbers (epoch seconds).";
                return false;
            }

            claims = new Claims(subject, audience, issuedAt, expires);
            return true;
        }
    }

    private static bool TryParseObject(byte[] json, out JsonDocument document)
    {
        document = null!;
        try
        {
            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        document.Dispose();
        return false;
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = string.Empty;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private static bool TrySeconds(JsonElement root, string name, out decimal seconds)
    {
        seconds = 0;
        return root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out seconds);
    }

    // base64url per RFC 7515 §2: the URL-safe alphabet only. Base64Url itself would also accept
    // padding and whitespace, which a compact JWS never contains.
    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        if (segment.Length == 0 || segment.Length % 4 == 1 || !segment.All(IsBase64UrlChar))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private readonly record struct Claims(string Subject, string Audience, decimal IssuedAt, decimal Expires);
}
