using System;
using System.Management.Automation;
using System.Security;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.SecurId;
using TokenAdmin.Errors;
using TokenAdmin.Items;

namespace TokenAdmin.SecurId;

/// <summary>Connects to an RSA SecurID tenant's Cloud Administration API with an administration API key.</summary>
/// <remarks>
/// <para>Reads the JSON API key file an administrator downloads from the Cloud Administration Console
/// (-KeyFile), or the same values given separately (-AccessId, -AccessKey, -AdminRestApiUrl) for scripts
/// that keep the key in a vault. The private key may be PKCS#1 or PKCS#8 PEM.</para>
/// <para>Every request then carries a JWT signed with the key (RS256, audience the adminRestApiUrl exactly
/// as written). A JWT lives -JwtLifetimeMinutes (at most 60) and is reused until shortly before it
/// expires, then replaced without notice. A key file that is missing, unreadable, incomplete, holds no RSA
/// private key or names an http:// URL stops the command with an error naming the problem and the file,
/// never the key. On Linux and macOS a key file readable by other users draws a warning.</para>
/// </remarks>
/// <example title="Connect with a downloaded key file">
/// <code>Connect-SecurIdAdmin -KeyFile ~/keys/securid-super-admin.json</code>
/// <para>Makes this the current SecurID connection; Get- and Remove-SecurIdHardwareToken use it.</para>
/// </example>
/// <example title="Connect unattended with the key in a vault">
/// <code>$key = Get-Secret -Name SecurIdAccessKey
/// Connect-SecurIdAdmin -AccessId 6f1a0c3e-0000-4000-8000-000000000001 -AccessKey $key -AdminRestApiUrl https://tenant.access.securid.com/AdminInterface/restapi</code>
/// <para>The private key arrives as a SecureString from SecretManagement; nothing touches the disk.</para>
/// </example>
/// <example title="See which key a script runs with">
/// <code>Connect-SecurIdAdmin -KeyFile ./help-desk.json -PassThru | Format-List</code>
/// <para>Shows customer, URL, access id and key role; never the key.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "SecurIdAdmin", DefaultParameterSetName = KeyFileSet)]
[OutputType(typeof(SecurIdConnection))]
public sealed class ConnectSecurIdAdminCommand : ConnectCommand<SecurIdConnection>
{
    private const string KeyFileSet = "KeyFile";
    private const string AccessKeySet = "AccessKey";

    /// <summary>Path of the JSON API key file (accessID, accessKey, adminRestApiUrl, customerName, description).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeyFileSet)]
    [ValidateNotNullOrEmpty]
    public string KeyFile { get; set; } = null!;

    /// <summary>The key's access id (accessID in the key file).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNullOrEmpty]
    public string AccessId { get; set; } = null!;

    /// <summary>The PEM RSA private key (accessKey in the key file), as a SecureString.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNull]
    public SecureString AccessKey { get; set; } = null!;

    /// <summary>The Admin REST API URL (adminRestApiUrl in the key file), exactly as the console shows it.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNull]
    public Uri AdminRestApiUrl { get; set; } = null!;

    /// <summary>Minutes each JWT lives (1 to 60).</summary>
    /// <value>Default: 30.</value>
    [Parameter]
    [ValidateRange(1, 60)]
    public int JwtLifetimeMinutes { get; set; } = (int)SecurIdProtocol.DefaultJwtLifetime.TotalMinutes;

    /// <summary>Time source for JWTs and ConnectedAt; tests pin it.</summary>
    internal IClock Clock { get; set; } = SystemClock.Instance;

    private protected override void Connect()
    {
        var key = ReadKey();
        SecurIdClient? client = null;
        try
        {
            var options = BuildOptions(new Uri(key.AdminRestApiUrl));
            client = new SecurIdClient(options, key, TimeSpan.FromMinutes(JwtLifetimeMinutes), Clock);
            client.Authenticator.Issuer.Current(); // proves here, not mid-run, that the key signs
        }
        catch
        {
            if (client is null)
            {
                key.Dispose();
            }
            else
            {
                client.Dispose();
            }

            throw;
        }

        var connection = new SecurIdConnection(client, Clock.UtcNow);
        Seam.WriteVerbose($"Connected to RSA SecurID at {connection.AdminRestApiUrl} ({connection}). The service sees the key on the first request.");
        Publish(connection);
    }

    private SecurIdApiKey ReadKey()
    {
        try
        {
            if (KeyFile is not null)
            {
                var path = Seam.ResolvePath(KeyFile);
                var key = SecurIdKeyReader.ReadFile(path, AllowUnencryptedAuthenticationPresent);
                if (SecurIdKeyReader.IsReadableByOthers(path, out var mode))
                {
                    Seam.WriteWarning($"The key file '{path}' is readable by other users (mode {mode}). Restrict it: chmod 600 '{path}'");
                }

                return key;
            }

            return SecurIdKeyReader.FromValues(AccessId, AccessKey, AdminRestApiUrl.OriginalString, AllowUnencryptedAuthenticationPresent);
        }
        catch (ServiceException ex)
        {
            Terminate(ex, ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, (object?)KeyFile ?? AccessId);
            return null!; // not reached
        }
    }
}
