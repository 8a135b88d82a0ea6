using System;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Text.Json;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.SecurId;

/// <summary>
/// Reads the JSON API key file an administrator downloads from the Cloud Administration Console,
/// or the same values given separately. Every defect becomes one <see cref="ServiceException"/>
/// (InvalidCredential) that names the problem and the file, never the key material.
/// </summary>
public static class SecurIdKeyReader
{
    /// <summary>
    /// [assume] A key file is a few kilobytes of JSON; anything above this is not one. The bound also
    /// keeps a mistaken path (/dev/zero, a log file) from being read into memory whole.
    /// </summary>
    public const int MaxKeyFileBytes = 64 * 1024;

    /// <summary>
    /// Reads a regular file of at most <see cref="MaxKeyFileBytes"/>. A FIFO, a device or a /proc
    /// entry reports length 0 and is refused before it is opened: opening a FIFO would wait for a
    /// writer, past Ctrl+C. A file that grows while read is refused at the limit.
    /// </summary>
    private static string ReadBounded(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw Directory.Exists(path)
                ? Invalid(path, "is a folder, not an API key file")
                : new FileNotFoundException(null, path);
        }

        if (info.Length == 0)
        {
            throw Invalid(path, "is empty or not a regular file (a pipe, a device). Pass the path of the downloaded API key file");
        }

        if (info.Length > MaxKeyFileBytes)
        {
            throw Invalid(path, $"is {info.Length:N0} bytes; an API key file is a few kilobytes (at most {MaxKeyFileBytes / 1024} KiB). Check the path");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        var buffer = new byte[MaxKeyFileBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > MaxKeyFileBytes)
        {
            throw Invalid(path, $"grew past {MaxKeyFileBytes / 1024} KiB while being read; an API key file is a few kilobytes. Check the path");
        }

        var text = new System.Text.UTF8Encoding(false).GetString(buffer, 0, total);
        Array.Clear(buffer); // the private key was in it
        return text.TrimStart('\uFEFF');
    }

    public static SecurIdApiKey ReadFile(string path, bool allowUnencryptedAuthentication = false)
    {
        var name = Path.GetFileName(path);
        string json;
        try
        {
            json = ReadBounded(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Invalid(path, "was not found. Download the API key file from the Cloud Administration Console (My Account > Company Settings > API Key Management) and pass its path to -KeyFile");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw Invalid(path, $"could not be read ({ex.GetType().Name}). Check that this account may read it");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Invalid(path, $"is not a JSON API key file ({name} is not valid JSON). Download it again from the Cloud Administration Console");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "is not a JSON API key file (expected an object with accessID, accessKey and adminRestApiUrl)");
        }

        var accessId = Required(root, SecurIdProtocol.AccessIdField, path);
        var accessKey = Required(root, SecurIdProtocol.AccessKeyField, path);
        var url = Required(root, SecurIdProtocol.AdminRestApiUrlField, path);
        return Create(accessId, accessKey, url, Optional(root, SecurIdProtocol.CustomerNameField), Optional(root, SecurIdProtocol.DescriptionField),
            path, allowUnencryptedAuthentication);
    }

    /// <summary>The values without a file (-AccessId -AccessKey -AdminRestApiUrl), e.g. from a vault.</summary>
    public static SecurIdApiKey FromValues(string accessId, SecureString accessKey, string adminRestApiUrl, bool allowUnencryptedAuthentication = false)
    {
        if (string.IsNullOrWhiteSpace(accessId))
        {
            throw ServiceException.InvalidCredential("-AccessId is empty.");
        }

        return Create(accessId, SecretText.Reveal(accessKey), adminRestApiUrl, null, null, null, allowUnencryptedAuthentication);
    }

    /// <summary>On Unix: true when group or others may read the file (a key file should be 0600).</summary>
    public static bool IsReadableByOthers(string path, out string mode)
    {
        mode = string.Empty;
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var permissions = File.GetUnixFileMode(path);
        mode = Convert.ToString((int)permissions & 0x1FF, 8).PadLeft(4, '0');
        return (permissions & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0;
    }

    private static SecurIdApiKey Create(string accessId, string accessKey, string url, string? customerName, string? description,
        string? path, bool allowUnencryptedAuthentication)
    {
        // On Unix "/AdminInterface/restapi" parses as an absolute file:// URI: check the scheme too.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(path, "has an adminRestApiUrl that is not an absolute https:// URL");
        }

        try
        {
            EndpointPolicy.Validate(uri, allowUnencryptedAuthentication, "AdminRestApiUrl");
        }
        catch (ServiceException ex)
        {
            throw Invalid(path, $"has an adminRestApiUrl TokenAdmin will not use: {ex.Message}");
        }

        return new SecurIdApiKey(accessId.Trim(), url, ImportPrivateKey(accessKey, path), customerName, description, path);
    }

    /// <summary>PEM RSA private key: PKCS#1 (BEGIN RSA PRIVATE KEY) or PKCS#8 (BEGIN PRIVATE KEY).</summary>
    private static RSA ImportPrivateKey(string pem, string? path)
    {
        var kind = pem.Contains("BEGIN RSA PRIVATE KEY", StringComparison.Ordinal) ? "RSA PRIVATE KEY"
            : pem.Contains("BEGIN PRIVATE KEY", StringComparison.Ordinal) ? "PRIVATE KEY"
            : pem.Contains("BEGIN ENCRYPTED PRIVATE KEY", StringComparison.Ordinal) ? "encrypted"
            : pem.Contains("BEGIN PUBLIC KEY", StringComparison.Ordinal) || pem.Contains("BEGIN RSA PUBLIC KEY", StringComparison.Ordinal) ? "public"
            : null;
        switch (kind)
        {
            case null:
                throw Invalid(path, "has an accessKey that is not a PEM private key (expected -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----)");
            case "public":
                throw Invalid(path, "has a public key as accessKey; the API key file holds the private key");
            case "encrypted":
                throw Invalid(path, "has an encrypted private key as accessKey; use the unencrypted key file the console downloads");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                throw Invalid(path, $"has an RSA key of {rsa.KeySize} bits; RS256 needs at least 2048");
            }

            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            // A PKCS#8 key of another algorithm (EC, Ed25519) or a damaged PEM lands here; the
            // exception's own message may quote the input, so it is not passed on.
            throw Invalid(path, kind == "PRIVATE KEY"
                ? "has an accessKey that is not an RSA private key (it may be another algorithm, or damaged)"
                : "has an accessKey that is not a readable RSA private key (damaged PEM)");
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static string Required(JsonElement root, string field, string path)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Invalid(path, $"has no \"{field}\". An API key file holds accessID, accessKey and adminRestApiUrl; download it again from the Cloud Administration Console");
        }

        return value.GetString()!;
    }

    private static string? Optional(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ServiceException Invalid(string? path, string problem) =>
        ServiceException.InvalidCredential(path is null
            ? $"The SecurID API key {problem}."
            : $"The SecurID API key file '{path}' {problem}.");
}
