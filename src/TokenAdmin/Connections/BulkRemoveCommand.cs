using System.Management.Automation;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>
/// Base of every Remove-*: -ThrottleLimit requests in flight on the connection's pool, -PassThru,
/// and the bulk runner's lifecycle (progress, drain at the end).
/// </summary>
public abstract class BulkRemoveCommand<TConnection> : ServiceCommand<TConnection>
    where TConnection : TokenAdminConnection
{
    public const int DefaultThrottleLimit = 4;

    private ThrottledRunner? _runner;

    /// <summary>The most removals in flight at once.</summary>
    /// <value>Default: 4.</value>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>Writes a result object for each item removed.</summary>
    [Parameter]
    public SwitchParameter PassThru
    {
        get => new(PassThruPresent);
        set => PassThruPresent = value.IsPresent;
    }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool PassThruPresent { get; set; }

    private protected ThrottledRunner Runner => _runner ??= new ThrottledRunner(Pump, Seam, ThrottleLimit, ProgressActivity);

    /// <summary>The progress bar's title ("Removing auth tokens").</summary>
    private protected abstract string ProgressActivity { get; }

    /// <summary>Items bound on the command line, read in Begin (pipeline-bound ones are not set yet): the progress total.</summary>
    private protected abstract int ItemsBoundOnCommandLine { get; }

    private protected override void Begin() => Runner.ExpectedTotal = ItemsBoundOnCommandLine;

    private protected override void End() => _runner?.Drain();
}
