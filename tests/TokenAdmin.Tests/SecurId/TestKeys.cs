using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace TokenAdmin.Tests.SecurId;

/// <summary>RSA keys and key files for SecurID tests; keys are made once per test run (2048-bit generation is slow).</summary>
internal static class TestKeys
{
    private static readonly Lazy<RSA> LazyRsa = new(() => RSA.Create(2048));

    public static RSA Rsa => LazyRsa.Value;

    public static string Pkcs1Pem => Rsa.ExportRSAPrivateKeyPem();

    public static string Pkcs8Pem => Rsa.ExportPkcs8PrivateKeyPem();

    public const string AccessId = "6f1a0c3e-5b8d-4c1e-9f00-0000000000aa";

    public const string AdminRestApiUrl = "https://tenant.access.securid.com/AdminInterface/restapi";

    /// <summary>Pieces of the key's base64 body: none may appear in any message.</summary>
    public static string[] KeyMaterialFragments(string pem) =>
        pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 20).Select(l => l[..20]).ToArray();

    public static string KeyFileJson(string? accessKey = null, string? url = AdminRestApiUrl, string? accessId = AccessId,
        string description = "Super Administrator key") =>
        JsonSerializer.Serialize(new
        {
            accessID = accessId,
            accessKey = accessKey ?? Pkcs1Pem,
            adminRestApiUrl = url,
            customerName = "Contoso",
            description,
        });

    public static string WriteKeyFile(string directory, string json, string name = "key.json")
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
