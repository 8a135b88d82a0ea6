using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.SecurId;
using Xunit;

namespace TokenAdmin.Tests.SecurId;

public sealed class SecurIdKeyReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenadmin-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_a_key_file_with_a_PKCS1_or_PKCS8_private_key(bool pkcs1)
    {
        var path = TestKeys.WriteKeyFile(_directory, TestKeys.KeyFileJson(pkcs1 ? TestKeys.Pkcs1Pem : TestKeys.Pkcs8Pem));

        using var key = SecurIdKeyReader.ReadFile(path);

        Assert.Equal(TestKeys.AccessId, key.AccessId);
        Assert.Equal(TestKeys.AdminRestApiUrl, key.AdminRestApiUrl);
        Assert.Equal("Contoso", key.CustomerName);
        Assert.Equal(SecurIdKeyRole.SuperAdministrator, key.Role);
        Assert.Equal(path, key.Source);
        Assert.Equal(TestKeys.Rsa.ExportSubjectPublicKeyInfo(), key.PrivateKey.ExportSubjectPublicKeyInfo());
        Assert.DoesNotContain("PRIVATE", key.ToString());
    }

    [Fact]
    public void Reads_the_same_values_given_separately()
    {
        using var key = SecurIdKeyReader.FromValues(TestKeys.AccessId, SecretText.Protect(TestKeys.Pkcs8Pem), TestKeys.AdminRestApiUrl);

        Assert.Equal(TestKeys.AdminRestApiUrl, key.AdminRestApiUrl);
        Assert.Null(key.Source);
        Assert.Equal(SecurIdKeyRole.Unknown, key.Role);
    }

    [Theory]
    [InlineData("Help Desk Administrator key", SecurIdKeyRole.HelpDeskAdministrator)]
    [InlineData("super admin key for automation", SecurIdKeyRole.SuperAdministrator)]
    [InlineData("automation", SecurIdKeyRole.Unknown)]
    public void The_role_is_read_from_the_description(string description, SecurIdKeyRole role)
    {
        using var key = SecurIdKeyReader.ReadFile(TestKeys.WriteKeyFile(_directory, TestKeys.KeyFileJson(description: description)));
        Assert.Equal(role, key.Role);
    }

    public static TheoryData<string, string?, string> Defects()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var small = RSA.Create(1024);
        var lines = TestKeys.Pkcs1Pem.Split('\n');
        lines[3] = "####" + lines[3][4..]; // a damaged body line; the BEGIN/END lines stay intact
        var damaged = string.Join('\n', lines);
        return new TheoryData<string, string?, string>
        {
            { "not json", "{ this is not json", "not valid JSON" },
            { "an array", "[1,2]", "expected an object" },
            { "no accessID", JsonSerializer.Serialize(new { accessKey = TestKeys.Pkcs1Pem, adminRestApiUrl = TestKeys.AdminRestApiUrl }), "no \"accessID\"" },
            { "no accessKey", JsonSerializer.Serialize(new { accessID = TestKeys.AccessId, adminRestApiUrl = TestKeys.AdminRestApiUrl }), "no \"accessKey\"" },
            { "no adminRestApiUrl", JsonSerializer.Serialize(new { accessID = TestKeys.AccessId, accessKey = TestKeys.Pkcs1Pem }), "no \"adminRestApiUrl\"" },
            { "empty accessID", TestKeys.KeyFileJson(accessId: ""), "no \"accessID\"" },
            { "an EC key", TestKeys.KeyFileJson(ec.ExportPkcs8PrivateKeyPem()), "not an RSA private key" },
            { "a public key", TestKeys.KeyFileJson(TestKeys.Rsa.ExportSubjectPublicKeyInfoPem()), "public key" },
            { "an encrypted key", TestKeys.KeyFileJson(TestKeys.Rsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000))), "encrypted" },
            { "not PEM", TestKeys.KeyFileJson("MIIEowIBAAKCAQEA"), "not a PEM private key" },
            { "a damaged PEM", TestKeys.KeyFileJson(damaged), "not a readable RSA private key" },
            { "a 1024-bit key", TestKeys.KeyFileJson(small.ExportRSAPrivateKeyPem()), "1024 bits" },
            { "an http:// URL", TestKeys.KeyFileJson(url: "http://tenant.access.securid.com/AdminInterface/restapi"), "unencrypted http://" },
            { "a relative URL", TestKeys.KeyFileJson(url: "/AdminInterface/restapi"), "not an absolute https:// URL" },
        };
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void Every_defect_is_one_error_naming_the_problem_and_the_file_never_the_key(string defect, string? json, string problem)
    {
        var path = TestKeys.WriteKeyFile(_directory, json!, $"{string.Concat(defect.Split(Path.GetInvalidFileNameChars().Append(' ').ToArray()))}.json");

        var error = Assert.Throws<ServiceException>(() => SecurIdKeyReader.ReadFile(path));

        Assert.Equal(ServiceFailure.InvalidCredential, error.Failure);
        Assert.Contains(problem, error.Message);
        Assert.Contains(path, error.Message);
        foreach (var fragment in TestKeys.KeyMaterialFragments(json!))
        {
            Assert.DoesNotContain(fragment, error.ToString());
        }
    }

    [Fact]
    public void A_missing_file_says_where_to_get_one()
    {
        var path = Path.Combine(_directory, "absent.json");

        var error = Assert.Throws<ServiceException>(() => SecurIdKeyReader.ReadFile(path));

        Assert.Contains("was not found", error.Message);
        Assert.Contains("Cloud Administration Console", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Http_to_loopback_is_allowed_for_a_local_emulator()
    {
        using var key = SecurIdKeyReader.ReadFile(TestKeys.WriteKeyFile(_directory, TestKeys.KeyFileJson(url: "http://127.0.0.1:5080/securid/AdminInterface/restapi")));
        Assert.StartsWith("http://127.0.0.1", key.AdminRestApiUrl);
    }

    [Fact]
    public void A_key_file_readable_by_others_is_detected_on_unix()
    {
        var path = TestKeys.WriteKeyFile(_directory, TestKeys.KeyFileJson());
        if (OperatingSystem.IsWindows())
        {
            Assert.False(SecurIdKeyReader.IsReadableByOthers(path, out _));
            return;
        }

        Assert.False(SecurIdKeyReader.IsReadableByOthers(path, out var tight));
        Assert.Equal("0600", tight);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.True(SecurIdKeyReader.IsReadableByOthers(path, out var loose));
        Assert.Equal("0644", loose);
    }

    [Fact]
    public void An_empty_file_a_device_and_a_file_over_the_size_limit_are_refused_before_reading()
    {
        var empty = Path.Combine(_directory, "empty.json");
        File.WriteAllText(empty, string.Empty);
        var large = Path.Combine(_directory, "large.json");
        File.WriteAllText(large, "{\"accessID\":\"" + new string('a', SecurIdKeyReader.MaxKeyFileBytes) + "\"}");
        var paths = new List<string> { empty, large, _directory };
        if (!OperatingSystem.IsWindows())
        {
            paths.Add("/dev/zero");
        }

        foreach (var path in paths)
        {
            var refused = Assert.Throws<ServiceException>(() => SecurIdKeyReader.ReadFile(path));
            Assert.Equal(ServiceFailure.InvalidCredential, refused.Failure);
        }
    }

    [Fact]
    public void A_key_file_with_a_byte_order_mark_is_read()
    {
        var path = Path.Combine(_directory, "bom.json");
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["accessID"] = "id-1",
            ["accessKey"] = TestKeys.Pkcs1Pem,
            ["adminRestApiUrl"] = "https://tenant.example/AdminInterface/restapi",
        });
        File.WriteAllText(path, json, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var key = SecurIdKeyReader.ReadFile(path);

        Assert.Equal("id-1", key.AccessId);
    }
}
