using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Emulator.Tests;

/// <summary>
/// Crafts SecurID JWTs in the tests, independently of the emulator's verifier: header and payload
/// are given as JSON text, so a test can break any one rule.
/// </summary>
internal static class SecurIdJwt
{
    public const string Header = """{"typ":"JWT","alg":"RS256"}""";

    public static string Claims(string sub, string aud, long iat, long exp) =>
        $$"""{"sub":"{{sub}}","aud":"{{aud}}","iat":{{iat}},"exp":{{exp}}}""";

    /// <summary>A compact JWS: base64url(header).base64url(payload).base64url(RS256 signature).</summary>
    public static string Sign(string headerJson, string payloadJson, string privateKeyPem)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        return signingInput + "." + Base64Url.EncodeToString(SignatureOf(signingInput, privateKeyPem));
    }

    public static byte[] SignatureOf(string signingInput, string privateKeyPem)
    {
        // ImportFromPem reads PKCS#1 (BEGIN RSA PRIVATE KEY) and PKCS#8 (BEGIN PRIVATE KEY) alike.
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
