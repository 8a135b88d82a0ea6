using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Commands;

/// <summary>
/// Base of every Remove-*: a command declares what its items are and how one is named, sent and
/// reported; <see cref="ItemRun{TConnection, TItem, TResult}"/> does the rest (confirming, batching,
/// -ThrottleLimit requests in flight, each item's outcome and audit line). Also -PassThru, and refusing
/// piped objects that name no item.
/// </summary>
/// <typeparam name="TConnection">The service's connection.</typeparam>
/// <typeparam name="TItem">One item as bound (a token, a serial, a login); equal items are the same item.</typeparam>
/// <typeparam name="TResult">What the service's answer to one request gives each of its items.</typeparam>
public abstract class BulkRemoveCommand<TConnection, TItem, TResult> : ServiceCommand<TConnection>
    where TConnection : TokenAdminConnection
    where TItem : notnull
{
    private ThrottledRunner? _runner;
    private ItemRun<TConnection, TItem, TResult>? _run;
    private int? _throttleLimit;
    private IReadOnlyList<TItem> _receivedNotQueued = Array.Empty<TItem>();
    private IReadOnlyList<TItem>? _boundInBegin;

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

    /// <summary>The progress bar's title ("Removing auth tokens").</summary>
    private protected abstract string ProgressActivity { get; }

    /// <summary>What identifies an item on a piped object: property names, the parameter's first.</summary>
    private protected abstract IReadOnlyList<string> ItemProperties { get; }

    /// <summary>The current record's items as bound (read in Begin too, for the progress total: no side effects).</summary>
    private protected abstract IReadOnlyList<TItem> BoundItems();

    /// <summary>The items to act on with <paramref name="connection"/>: the bound ones, or what none means (the connection's own token); may <see cref="Terminate"/>.</summary>
    private protected virtual IReadOnlyList<TItem> ItemsFor(TConnection connection, IReadOnlyList<TItem> bound) => bound;

    /// <summary>How the item is named in the prompt, the audit line and its error.</summary>
    internal abstract ItemDescription Describe(TConnection connection, TItem item);

    /// <summary>The item as a terminating error's NotAttempted carries it (pipeable back into the command).</summary>
    internal abstract object NotAttemptedForm(TItem item);

    /// <summary>Why the item cannot be one (refused alone, nothing sent for it), or null.</summary>
    internal virtual CommandError? Problem(TItem item) => null;

    /// <summary>The most items one request carries (apstrata: 100 logins).</summary>
    internal virtual int MaxItemsPerRequest => 1;

    /// <summary>An item named twice in one run is sent once (apstrata logins).</summary>
    internal virtual bool SendsEachItemOnce => false;

    /// <summary>The items' plural, for a failure of a request that carried several.</summary>
    internal virtual string ItemsNoun => "items";

    /// <summary>What this command's statuses mean (a 404 on a delete: that item is gone).</summary>
    private protected virtual ErrorVocabulary ItemVocabulary => Vocabulary;

    /// <summary>Sends one request for <paramref name="items"/> (one of them unless <see cref="MaxItemsPerRequest"/> says more).</summary>
    internal abstract Task<TResult> SendAsync(TConnection connection, IReadOnlyList<TItem> items, RequestContext call);

    /// <summary>The done line's target, once the answer says more about whose the item was (SecurID: the token's user).</summary>
    internal virtual Audit.AuditTarget DoneChange(Audit.AuditTarget change, TResult result) => change;

    /// <summary>The item is gone: its -PassThru result, or null for none.</summary>
    internal abstract object? PassThruResult(TConnection connection, TItem item, TResult result);

    /// <summary>After an item is gone and its line written (apstrata's own token: the connection closes).</summary>
    internal virtual void AfterRemoved(TConnection connection, TItem item)
    {
    }

    /// <summary>Every attempt of the run's requests, retries included, is admitted by its concurrency and feeds it its answer (429s inside retries too).</summary>
    private protected override IAdmissionGate? Admission => Runner.Concurrency;

    internal Audit.CommandAudit? ItemAudit => Audit;

    /// <summary>Items arrive from an upstream command: a stop leaves whatever it has not handed over yet unread.</summary>
    internal bool ReadsPipeline => MyInvocation?.ExpectingInput ?? false;

    internal RequestContext ItemCall(CancellationToken cancellationToken) => Call(cancellationToken);

    internal CommandError? ItemError(Exception exception, object target) => ToError(exception, target, ItemVocabulary);

    internal void Removed(TConnection connection, TItem item, TResult result)
    {
        if (PassThruPresent && PassThruResult(connection, item, result) is { } written)
        {
            Seam.WriteObject(written);
        }

        AfterRemoved(connection, item);
    }

    private ThrottledRunner Runner => _runner ??= new ThrottledRunner(Pump, Seam, AdaptiveConcurrency.For(_throttleLimit), ProgressActivity);

    private ItemRun<TConnection, TItem, TResult> Run => _run ??= new ItemRun<TConnection, TItem, TResult>(this, Runner);

    private protected override void Begin()
    {
        var bound = BoundItems();
        Runner.ExpectedTotal = Run.RequestsFor(bound);

        // Without pipeline input PowerShell runs the one record with these very values: build its items once
        // (an HDC item's fingerprint is a SHA-256 of the token).
        _boundInBegin = MyInvocation is { ExpectingInput: false } ? bound : null;
    }

    private protected sealed override void Process()
    {
        if (InputObject is { } piped && PipelineInput.Problem(piped, ItemProperties, MyInvocation.MyCommand?.Name ?? GetType().Name) is { } problem)
        {
            Seam.WriteError(new CommandError(new ArgumentException(problem), ErrorIds.InvalidPipelineInput, ErrorCategory.InvalidArgument,
                PipelineInput.Describe(piped), problem));
            return;
        }

        var bound = _receivedNotQueued = _boundInBegin ?? BoundItems();
        _boundInBegin = null;
        var connection = RequireConnection();
        var items = ItemsFor(connection, bound);
        _receivedNotQueued = Array.Empty<TItem>();
        foreach (var item in items)
        {
            Run.Add(connection, item);
        }

        Run.ThrowIfStopped();
    }

    private protected override void End()
    {
        Run.SendQueued();
        Run.Drain();
        Run.ThrowIfStopped();
    }

    /// <summary>Ends the command after the requests in flight; this record's items were received and not sent.</summary>
    [DoesNotReturn]
    private protected override void Terminate(CommandError error)
    {
        Run.Stop(error, _receivedNotQueued);
        base.Terminate(error); // not reached: Stop throws
    }
}
