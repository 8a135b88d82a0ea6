using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TokenAdmin.Emulator;

/// <summary>
/// A demo SecurID API key: accessID, role and an RSA 2048 key pair. The pair is generated once per
/// process, on first use, and shared by every host (many test hosts must not each pay for RSA
/// generation); so key files are valid only while the process that wrote them runs.
/// The Super Administrator key is PEM-encoded as PKCS#1, the Help Desk key as PKCS#8, so clients are
/// exercised on both encodings a key file may hold.
/// </summary>
public sealed class SecurIdDemoKey
{
    public const string CustomerName = "TokenAdmin Demo";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // '+' in base64 stays literal: the file is for clients and people, not for embedding in HTML.
    private static readonly JsonWriterOptions KeyFileWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lazy<KeyMaterial> material;

    private SecurIdDemoKey(string accessId, SecurIdRole role, string description, bool pkcs8)
    {
        AccessId = accessId;
        Role = role;
        Description = description;
        material = new Lazy<KeyMaterial>(() => KeyMaterial.Generate(pkcs8));
    }

    public static SecurIdDemoKey SuperAdministrator { get; } = new(
        DemoCredentials.SecurIdSuperAdministratorAccessId, SecurIdRole.SuperAdministrator, "Super Administrator key (emulator demo)", pkcs8: false);

    public static SecurIdDemoKey HelpDeskAdministrator { get; } = new(
        DemoCredentials.SecurIdHelpDeskAdministratorAccessId, SecurIdRole.HelpDeskAdministrator, "Help Desk Administrator key (emulator demo)", pkcs8: true);

    /// <summary>Both demo keys, Super Administrator first.</summary>
    public static IReadOnlyList<SecurIdDemoKey> All { get; } = [SuperAdministrator, HelpDeskAdministrator];

    /// <summary>The key's accessID: the JWT's <c>sub</c>.</summary>
    public string AccessId { get; }

    public SecurIdRole Role { get; }

    /// <summary>The key file's <c>description</c>.</summary>
    public string Description { get; }

    /// <summary>The key file's <c>accessKey</c>: the private key in PEM (PKCS#1 or PKCS#8, see the class), \n line breaks.</summary>
    public string PrivateKeyPem => material.Value.PrivateKeyPem;

    /// <summary>The public key as SubjectPublicKeyInfo PEM (<c>BEGIN PUBLIC KEY</c>), for tests that verify signatures.</summary>
    public string PublicKeyPem => material.Value.PublicKeyPem;

    /// <summary>The role as people read it, e.g. "Super Administrator".</summary>
    public string RoleName => RoleNameOf(Role);

    public static string RoleNameOf(SecurIdRole role) => role switch
    {
        SecurIdRole.SuperAdministrator => "Super Administrator",
        _ => "Help Desk Administrator",
    };

    /// <summary>
    /// The API key file an administrator downloads from the Cloud Administration Console:
    /// <c>{"accessID","accessKey","adminRestApiUrl","customerName","description"}</c>.
    /// </summary>
    public string KeyFileJson(string adminRestApiUrl)
    {
        ArgumentNullException.ThrowIfNull(adminRestApiUrl);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, KeyFileWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("accessID", AccessId);
            writer.WriteString("accessKey", PrivateKeyPem);
            writer.WriteString("adminRestApiUrl", adminRestApiUrl);
            writer.WriteString("customerName", CustomerName);
            writer.WriteString("description", Description);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <see cref="KeyFileJson"/> to <paramref name="path"/>, readable by its owner only (mode 0600) off Windows.</summary>
    public void WriteKeyFile(string path, string adminRestApiUrl)
    {
        ArgumentNullException.ThrowIfNull(path);
        var content = System.Text.Encoding.UTF8.GetBytes(KeyFileJson(adminRestApiUrl));
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllBytes(path, content);
            return;
        }

        // A file that exists keeps its mode when overwritten: narrow it before the key goes in.
        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }

        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerReadWrite }))
        {
            stream.Write(content);
        }

        File.SetUnixFileMode(path, OwnerReadWrite); // Exactly 0600, whatever the umask took away.
    }

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256, as RS256 signs.</summary>
    internal bool Verify(ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        // A fresh RSA per call: RSA instances are not documented as safe for concurrent use.
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(material.Value.SubjectPublicKeyInfo, out _);
        return rsa.VerifyData(signedData, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    // Keep the private key out of test output and logs.
    public override string ToString() => $"SecurIdDemoKey {{ AccessId = {AccessId}, Role = {Role} }}";

    // A class, not a record: a record's ToString would print the private key.
    private sealed class KeyMaterial(string privateKeyPem, string publicKeyPem, byte[] subjectPublicKeyInfo)
    {
        public string PrivateKeyPem { get; } = privateKeyPem;

        public string PublicKeyPem { get; } = publicKeyPem;

        public byte[] SubjectPublicKeyInfo { get; } = subjectPublicKeyInfo;

        public static KeyMaterial Generate(bool pkcs8)
        {
            using var rsa = RSA.Create(2048);
            return new KeyMaterial(
                pkcs8 ? rsa.ExportPkcs8PrivateKeyPem() : rsa.ExportRSAPrivateKeyPem(),
                rsa.ExportSubjectPublicKeyInfoPem(),
                rsa.ExportSubjectPublicKeyInfo());
        }
    }
}
