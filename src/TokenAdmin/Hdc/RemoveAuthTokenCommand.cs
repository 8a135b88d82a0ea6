using System.Management.Automation;
using System.Runtime.ExceptionServices;
using TokenAdmin.Core.Text;
using TokenAdmin.Runtime;

namespace TokenAdmin.Hdc;

/// <summary>
/// Revokes HDC tokens. Takes token values from the pipeline (strings, or objects with a Token
/// property such as Get-AuthToken's), runs up to -ThrottleLimit revocations at once on the
/// connection's pool, and reports each failure as its own non-terminating error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AuthToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AuthTokenRemovalResult))]
public sealed class RemoveAuthTokenCommand : HdcCommand
{
    public const int DefaultThrottleLimit = 4;

    private ThrottledRunner? _runner;

    /// <summary>Token values to revoke.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Token { get; set; } = null!;

    /// <summary>Most revocations in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>Write an AuthTokenRemovalResult for each revoked token.</summary>
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
        _runner = new ThrottledRunner(Pump, Seam, ThrottleLimit, "Removing auth tokens")
        {
            // Bound on the command line (already set in Begin): the total is known. From the pipeline it is not.
            ExpectedTotal = Token?.Length ?? 0,
        };
    }

    private protected override void Process()
    {
        var connection = RequireConnection();

        foreach (var token in Token)
        {
            var fingerprint = TokenFingerprint.Of(token);
            if (!Seam.ShouldProcess($"{Describe(token)} on {connection.BaseUri}", "Remove auth token"))
            {
                continue;
            }

            _runner!.Start(
                ct => connection.Client.DeleteTokenAsync(token, Trace, ct),
                completed =>
                {
                    if (completed.Exception?.InnerException is { } failure)
                    {
                        var error = ToError(failure, fingerprint);
                        if (error is null)
                        {
                            ExceptionDispatchInfo.Throw(failure); // not a service failure: a bug, surface it
                        }

                        WriteItemError(error);
                    }
                    else if (completed.IsCompletedSuccessfully && PassThruPresent)
                    {
                        Seam.WriteObject(new AuthTokenRemovalResult(fingerprint, connection.BaseUri, connection.Http.Clock.UtcNow));
                    }
                });
        }
    }

    private protected override void End() => _runner?.Drain();
}
