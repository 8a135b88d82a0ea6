using System.Management.Automation;

namespace TokenAdmin.SecurId;

/// <summary>Looks up RSA SecurID hardware tokens by serial number.</summary>
/// <remarks>
/// <para>Writes a SecurIdHardwareToken for each serial: device type, status, the user it is assigned to
/// and by whom, registration, status change and expiry dates, name and whether a PIN is set. An unknown
/// serial is a SecurIdTokenNotFound error for that serial; the others go on. Serials are 1 to 36
/// characters and are checked before anything is sent.</para>
/// </remarks>
/// <example title="Look up one token">
/// <code>Get-SecurIdHardwareToken -SerialNumber '000123456789'</code>
/// <para>Shows its type, status and user.</para>
/// </example>
/// <example title="Look up the serials in a file">
/// <code>Import-Csv ./tokens.csv | Get-SecurIdHardwareToken</code>
/// <para>A SerialNumber (or TokenSerialNumber) column binds by property name.</para>
/// </example>
/// <example title="Find the unassigned ones">
/// <code>Get-Content ./serials.txt | Get-SecurIdHardwareToken | Where-Object { -not $_.UserId }</code>
/// <para>Serials bind from the pipeline by value too.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "SecurIdHardwareToken")]
[OutputType(typeof(SecurIdHardwareToken))]
public sealed class GetSecurIdHardwareTokenCommand : SecurIdCommand
{
    /// <summary>Serial numbers (printed on the back of each token), 1 to 36 characters. Quote them: a number (unquoted digits) is refused, since PowerShell has dropped its leading zeros.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TokenSerialNumber")]
    [SerialNumberAsText]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 36)]
    public string[] SerialNumber { get; set; } = null!;

    private protected override void Process()
    {
        var connection = RequireConnection();
        foreach (var serial in SerialNumber)
        {
            if (TryRun(call => connection.Client.LookupAsync(serial, call), serial, out var info))
            {
                Seam.WriteObject(ToHardwareToken(info, connection));
            }
        }
    }
}
