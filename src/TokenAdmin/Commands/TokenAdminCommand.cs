using System;
using System.Management.Automation;
using System.Threading;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Items;
using TokenAdmin.Module;
using TokenAdmin.Runtime;

namespace TokenAdmin.Commands;

/// <summary>
/// Base of every TokenAdmin cmdlet. Owns the stop signal (Ctrl+C cancels in-flight requests),
/// the pipeline pump and the seam; the cmdlet classes only bind parameters and say what to do.
/// </summary>
public abstract class TokenAdminCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ICommandSeam? _seam;
    private PipelinePump? _pump;
    private CommandHttpTrace? _trace;

    static TokenAdminCommand()
    {
        // Fallback for hosts that load the assembly without Import-Module's OnImport.
        DependencyResolver.Register();
    }

    /// <summary>Tests replace it with a recorder.</summary>
    internal ICommandSeam Seam
    {
        get => _seam ??= new PowerShellCommandSeam(this);
        set => _seam = value;
    }

    /// <summary>The session's current connections; tests give each command its own store.</summary>
    internal ConnectionStore Connections { get; set; } = ConnectionStore.Session;

    /// <summary>The session's audit log setting; tests give each command its own.</summary>
    internal Audit.AuditSettings Auditing { get; set; } = Audit.AuditSettings.Session;

    internal PipelinePump Pump => _pump ??= new PipelinePump(_stopping.Token);

    internal IHttpTrace Trace => _trace ??= new CommandHttpTrace(Pump, Seam);

    /// <summary>What one service call of this command runs under: its cancellation and request log (a service command adds more).</summary>
    private protected virtual RequestContext Call(CancellationToken cancellationToken) => new(cancellationToken, Trace);

    public void Dispose()
    {
        _stopping.Cancel(); // Ctrl+C or a bug may leave requests in flight: end them
        ReleaseResources();
        _pump?.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    // The harness in tests drives the same entry points PowerShell does.
    internal void InvokeBegin() => BeginProcessing();

    internal void InvokeProcess() => ProcessRecord();

    internal void InvokeEnd() => EndProcessing();

    internal void InvokeStop() => StopProcessing();

    protected sealed override void BeginProcessing() => Guarded(Begin);

    protected sealed override void ProcessRecord() => Guarded(Process);

    protected sealed override void EndProcessing() => Guarded(End);

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>At the command's end, whatever way it ends: what it held (the connections it used).</summary>
    private protected virtual void ReleaseResources()
    {
    }

    private protected virtual void Begin()
    {
    }

    private protected virtual void Process()
    {
    }

    private protected virtual void End()
    {
    }

    /// <summary>After Ctrl+C, PowerShell stops the pipeline itself; the cancellation is not an error.</summary>
    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }
}
