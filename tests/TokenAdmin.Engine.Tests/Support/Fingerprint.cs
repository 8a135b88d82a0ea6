using System;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Engine.Tests.Support;

/// <summary>The documented fingerprint (first 12 hex digits of the token's SHA-256), computed independently of the module.</summary>
internal static class Fingerprint
{
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
}
