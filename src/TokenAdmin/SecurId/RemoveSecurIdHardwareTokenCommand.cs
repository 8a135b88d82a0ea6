using System.Management.Automation;
using TokenAdmin.Runtime;

namespace TokenAdmin.SecurId;

/// <summary>Deletes RSA SecurID hardware tokens.</summary>
/// <remarks>
/// <para>After deletion the user can no longer authenticate with the token. Needs a Super Administrator
/// API key: a Help Desk Administrator key gets a SecurIdPermissionDenied error. Asks for confirmation
/// (ConfirmImpact High) unless -Confirm:$false.</para>
/// <para>Serials bind from the pipeline by value and by property name (SerialNumber or TokenSerialNumber),
/// so Get-SecurIdHardwareToken output and Import-Csv rows both work. Up to -ThrottleLimit deletions run at
/// once; each failure (SecurIdTokenNotFound, SecurIdPermissionDenied, RateLimited, ServiceError) is a
/// non-terminating error for its serial and the others go on.</para>
/// </remarks>
/// <example title="Delete one token">
/// <code>Remove-SecurIdHardwareToken -SerialNumber 000123456789</code>
/// <para>Asks for confirmation, then deletes it.</para>
/// </example>
/// <example title="Delete the tokens listed in a file, unattended">
/// <code>Import-Csv ./returned-tokens.csv | Remove-SecurIdHardwareToken -Confirm:$false -ThrottleLimit 8 -ErrorVariable failed -PassThru</code>
/// <para>A TokenSerialNumber (or SerialNumber) column binds by property name; failures land in $failed.</para>
/// </example>
/// <example title="Delete the disabled ones among some serials">
/// <code>Get-SecurIdHardwareToken -SerialNumber $serials | Where-Object Status -eq 'Disabled' | Remove-SecurIdHardwareToken -WhatIf</code>
/// <para>Shows what would be deleted and sends nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "SecurIdHardwareToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecurIdTokenRemovalResult))]
public sealed class RemoveSecurIdHardwareTokenCommand : SecurIdCommand
{
    public const int DefaultThrottleLimit = 4;

    private ThrottledRunner? _runner;

    /// <summary>Serial numbers of the tokens to delete, 1 to 36 characters.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TokenSerialNumber")]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 36)]
    public string[] SerialNumber { get; set; } = null!;

    /// <summary>The most deletions in flight at once.</summary>
    /// <value>Default: 4.</value>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>Writes a SecurIdTokenRemovalResult for each deleted token.</summary>
    [Parameter]
    public SwitchParameter PassThru
    {
        get => new(PassThruPresent);
        set => PassThruPresent = value.IsPresent;
    }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool PassThruPresent { get; set; }

    private protected override void Begin()
    {
        _runner = new ThrottledRunner(Pump, Seam, ThrottleLimit, "Deleting SecurID hardware tokens")
        {
            ExpectedTotal = SerialNumber?.Length ?? 0, // known when bound on the command line
        };
    }

    private protected override void Process()
    {
        var connection = RequireConnection();
        foreach (var serial in SerialNumber)
        {
            if (!Seam.ShouldProcess($"SecurID token {serial} ({connection.CustomerName ?? connection.AdminRestApiUrl})", "Delete hardware token"))
            {
                continue;
            }

            StartItem(_runner!, ct => connection.Client.DeleteAsync(serial, Trace, ct), serial, SecurIdErrors.Delete, deleted =>
            {
                if (PassThruPresent)
                {
                    Seam.WriteObject(new SecurIdTokenRemovalResult(serial, deleted.UserId, connection.CustomerName, connection.Http.Clock.UtcNow));
                }
            });
        }
    }

    private protected override void End() => _runner?.Drain();
}
