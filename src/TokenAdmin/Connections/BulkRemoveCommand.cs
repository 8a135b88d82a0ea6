using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.Connections;

/// <summary>
/// Base of every Remove-*: -ThrottleLimit requests in flight on the connection's pool, -PassThru,
/// the bulk runner's lifecycle (progress, drain at the end), and refusing piped objects that name
/// no item. A terminating error waits for the requests in flight and carries the items not sent.
/// </summary>
public abstract class BulkRemoveCommand<TConnection> : ServiceCommand<TConnection>
    where TConnection : TokenAdminConnection
{
    private ThrottledRunner? _runner;
    private int? _throttleLimit;

    /// <summary>
    /// The most removals in flight at once. Without it the run adapts: it starts at 4 and grows
    /// while the service answers promptly, up to 16, and backs off when the service answers 429 or
    /// 503 or slows down. With it, that many are in flight from the start, fewer only while the
    /// service answers 429 or 503.
    /// </summary>
    /// <value>Default: adaptive, from 1 to 16.</value>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit
    {
        get => _throttleLimit ?? AdaptiveConcurrency.DefaultCeiling;
        set => _throttleLimit = value;
    }

    /// <summary>Writes a result object for each item removed.</summary>
    [Parameter]
    public SwitchParameter PassThru
    {
        get => new(PassThruPresent);
        set => PassThruPresent = value.IsPresent;
    }

    /// <summary>
    /// The piped object itself, as PowerShell received it. Hidden: it exists so that an object that
    /// names no item (Get-Process piped by mistake) is refused, instead of PowerShell turning it
    /// into text and the command sending that.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The switch as the logic reads it (and tests set it: SwitchParameter is inert in the reference assemblies).</summary>
    internal bool PassThruPresent { get; set; }

    private protected ThrottledRunner Runner => _runner ??= CreateRunner();

    /// <summary>The progress bar's title ("Removing auth tokens").</summary>
    private protected abstract string ProgressActivity { get; }

    /// <summary>Items bound on the command line, read in Begin (pipeline-bound ones are not set yet): the progress total.</summary>
    private protected abstract int ItemsBoundOnCommandLine { get; }

    /// <summary>What identifies an item on a piped object: property names, the parameter's first.</summary>
    private protected abstract IReadOnlyList<string> ItemProperties { get; }

    /// <summary>The current record's items, as a terminating error's NotAttempted carries them.</summary>
    private protected abstract IEnumerable<object> CurrentItemsNotAttempted();

    /// <summary>Removes the current record's items (bound parameters).</summary>
    private protected abstract void ProcessItems();

    /// <summary>Every attempt of the run's requests, retries included, is admitted by its concurrency and feeds it its answer (429s inside retries too).</summary>
    private protected override Core.Http.IAdmissionGate? Admission => Runner.Concurrency;

    private protected override void Begin() => Runner.ExpectedTotal = ItemsBoundOnCommandLine;

    private ThrottledRunner CreateRunner()
    {
        return new ThrottledRunner(Pump, Seam, AdaptiveConcurrency.For(_throttleLimit), ProgressActivity);
    }

    private protected sealed override void Process()
    {
        if (InputObject is { } piped && PipelineInput.Problem(piped, ItemProperties, MyInvocation.MyCommand?.Name ?? GetType().Name) is { } problem)
        {
            Seam.WriteError(new CommandError(new ArgumentException(problem), ErrorIds.InvalidPipelineInput, ErrorCategory.InvalidArgument,
                PipelineInput.Describe(piped), problem));
            return;
        }

        ProcessItems();
        Runner.ThrowIfFatal();
    }

    private protected override void End()
    {
        _runner?.Drain();
        _runner?.ThrowIfFatal();
    }

    /// <summary>Goes on to start the change: the stopped runner records it as not attempted, and the command ends with the stop after this record.</summary>
    private protected override bool StopBeforeChange(CommandError stop)
    {
        Runner.Fatal(stop);
        return true;
    }

    [DoesNotReturn]
    private protected override void Terminate(CommandError error)
    {
        Runner.Fatal(error);
        Runner.NotAttempted(CurrentItemsNotAttempted());
        Runner.ThrowIfFatal();
        base.Terminate(error); // not reached: ThrowIfFatal throws once Fatal was called
    }
}
