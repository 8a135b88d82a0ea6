using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.SecurId;

public sealed class SecurIdKeyFileTests : SecurIdTestBase, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"securid-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_host_offers_both_demo_keys_with_their_roles()
    {
        Assert.Equal([SuperAdmin, HelpDesk], Host.SecurIdKeys);
        Assert.Equal(SecurIdRole.SuperAdministrator, SuperAdmin.Role);
        Assert.Equal(SecurIdRole.HelpDeskAdministrator, HelpDesk.Role);
        Assert.Equal(DemoCredentials.SecurIdSuperAdministratorAccessId, SuperAdmin.AccessId);
        Assert.Equal(DemoCredentials.SecurIdHelpDeskAdministratorAccessId, HelpDesk.AccessId);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", SuperAdmin.AccessId);
    }

    [Fact]
    public void The_adminRestApiUrl_is_the_base_address_plus_the_securid_path_without_a_trailing_slash()
    {
        Assert.Equal(Host.BaseAddress.AbsoluteUri + "securid/AdminInterface/restapi", Host.SecurIdAdminRestApiUrl);
        Assert.Null(Host.SecurIdHttpsAdminRestApiUrl);
    }

    [Fact]
    public void The_super_administrator_key_is_PKCS1_and_the_help_desk_key_PKCS8()
    {
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\n", SuperAdmin.PrivateKeyPem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", HelpDesk.PrivateKeyPem, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', SuperAdmin.PrivateKeyPem + HelpDesk.PrivateKeyPem);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", SuperAdmin.PublicKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_key_is_RSA_2048_and_its_public_key_matches_its_private_key()
    {
        foreach (var key in Host.SecurIdKeys)
        {
            using var publicKey = RSA.Create();
            publicKey.ImportFromPem(key.PublicKeyPem);
            var signature = SecurIdJwt.SignatureOf("data", key.PrivateKeyPem);

            Assert.Equal(2048, publicKey.KeySize);
            Assert.True(publicKey.VerifyData(Encoding.ASCII.GetBytes("data"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        Assert.NotEqual(SuperAdmin.PublicKeyPem, HelpDesk.PublicKeyPem);
    }

    [Fact]
    public async Task Keys_are_generated_once_per_process_and_shared_by_hosts()
    {
        await using var other = await EmulatorHost.StartAsync(cancellationToken: Timeout);

        Assert.Same(Host.SecurIdKeys[0], other.SecurIdKeys[0]);
        Assert.Equal(SuperAdmin.PrivateKeyPem, other.SecurIdKeys[0].PrivateKeyPem);
    }

    [Fact]
    public void ToString_never_shows_the_private_key()
    {
        Assert.DoesNotContain("PRIVATE", SuperAdmin.ToString(), StringComparison.Ordinal);
        Assert.Contains(SuperAdmin.AccessId, SuperAdmin.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_file_JSON_has_the_downloaded_files_members_in_order()
    {
        const string Url = "https://tenant.example/AdminInterface/restapi";

        var json = HelpDesk.KeyFileJson(Url);

        using var document = JsonDocument.Parse(json);
        var file = document.RootElement;
        Assert.Equal(["accessID", "accessKey", "adminRestApiUrl", "customerName", "description"], file.EnumerateObject().Select(member => member.Name));
        Assert.Equal(HelpDesk.AccessId, file.GetProperty("accessID").GetString());
        Assert.Equal(HelpDesk.PrivateKeyPem, file.GetProperty("accessKey").GetString());
        Assert.Equal(Url, file.GetProperty("adminRestApiUrl").GetString());
        Assert.Equal("TokenAdmin Demo", file.GetProperty("customerName").GetString());
        Assert.Equal("Help Desk Administrator key (emulator demo)", file.GetProperty("description").GetString());
        Assert.Equal("Super Administrator key (emulator demo)", JsonDocument.Parse(SuperAdmin.KeyFileJson(Url)).RootElement.GetProperty("description").GetString());
        Assert.Contains("\\n", json, StringComparison.Ordinal); // PEM line breaks escaped as \n
        Assert.DoesNotContain("\\u002B", json, StringComparison.Ordinal); // base64 '+' stays literal
    }

    [Fact]
    public async Task Key_files_are_written_for_this_host_and_work_as_written()
    {
        var paths = Host.WriteSecurIdKeyFiles(directory);

        Assert.Equal([Path.Combine(directory, "securid-super-admin.json"), Path.Combine(directory, "securid-help-desk.json")], paths);
        Assert.Equal(paths, Host.SecurIdKeyFilePaths);
        foreach (var path in paths)
        {
            // A client's view: everything comes from the file.
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var file = document.RootElement;
            var url = file.GetProperty("adminRestApiUrl").GetString()!;
            var accessId = file.GetProperty("accessID").GetString()!;
            Assert.Equal(Host.SecurIdAdminRestApiUrl, url);
            var jwt = SecurIdJwt.Sign(SecurIdJwt.Header, SecurIdJwt.Claims(accessId, url, NowSeconds, NowSeconds + 3600), file.GetProperty("accessKey").GetString()!);

            using var response = await Client.SendAsync(Request(System.Net.Http.HttpMethod.Post, url + "/" + LookupPath, Bearer(jwt), Serial(JdoeSerial)), Timeout);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public void Key_files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has no Unix modes; the file inherits the directory's ACL.
        }

        var paths = Host.WriteSecurIdKeyFiles(directory);

        foreach (var path in paths)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
    }

    [Fact]
    public void Overwriting_a_world_readable_file_narrows_it_to_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "existing.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SuperAdmin.WriteKeyFile(path, Host.SecurIdAdminRestApiUrl);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(SuperAdmin.KeyFileJson(Host.SecurIdAdminRestApiUrl), File.ReadAllText(path));
    }
}
