using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Audit;
using TokenAdmin.Connections;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Commands;

/// <summary>
/// Base of a command that talks to one service: -Connection (default: the last Connect-* for
/// that service; also bound from piped objects that carry their connection), and error helpers.
/// The connections a command uses are held until it ends: a Connect-* or Disconnect-TokenAdmin
/// elsewhere (another runspace) changes what later commands use, never a running one.
/// </summary>
public abstract class ServiceCommand<TConnection> : TokenAdminCommand
    where TConnection : TokenAdminConnection
{
    private HeldConnections<TConnection>? _held;
    private CommandAudit? _audit;
    private bool _auditResolved;
    private Action<OwnChange>? _ownChange;

    /// <summary>The connection to use. Default: the last Connect-* for this service.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TConnection? Connection { get; set; }

    private static TokenAdminService Service => ServiceDescriptor.Of<TConnection>().Service;

    /// <summary>The service's words for errors: its name, Connect-* command and what its statuses mean.</summary>
    private protected static ErrorVocabulary Vocabulary => ServiceDescriptor.Of<TConnection>().Vocabulary;

    /// <summary>
    /// The connection for the current record; terminates when there is none, since every later item
    /// would fail too. Objects read through a connection that has since been closed (Disconnect, then
    /// Connect again) go on with the current connection to the same base URL.
    /// </summary>
    private protected TConnection RequireConnection() => UsedConnection = ResolveConnection();

    /// <summary>The connection the current record uses (for errors whose meaning depends on what it sent).</summary>
    private protected TConnection? UsedConnection { get; private set; }

    private TConnection ResolveConnection()
    {
        var connection = Held.Resolve(Connection, out var error, out var note);
        if (note is not null)
        {
            Seam.WriteVerbose(note);
        }

        if (connection is null)
        {
            Terminate(error!);
        }

        return connection;
    }

    private HeldConnections<TConnection> Held => _held ??= new HeldConnections<TConnection>(Connections, Service, Vocabulary);

    /// <summary>Ends the command with <paramref name="error"/>; bulk commands first finish what is in flight.</summary>
    [DoesNotReturn]
    private protected virtual void Terminate(CommandError error)
    {
        Seam.ThrowTerminatingError(error);
        throw new InvalidOperationException("not reached");
    }

    private protected override void ReleaseResources() => _held?.ReleaseAll();

    /// <summary>Runs one request on the pump; a failure is written as a non-terminating error for <paramref name="target"/>.</summary>
    private protected bool TryRun<T>(Func<RequestContext, Task<T>> operation, object? target, out T result,
        ErrorVocabulary? vocabulary = null, Action<CommandError>? failed = null)
    {
        try
        {
            result = Pump.Run(ct => operation(Call(ct)));
            return true;
        }
        catch (Exception ex) when (ToError(ex, target, vocabulary) is { } error)
        {
            failed?.Invoke(error);
            if (error.DoomsLaterItems)
            {
                Terminate(error);
            }

            Seam.WriteError(error);
            result = default!;
            return false;
        }
    }

    /// <summary>Runs a streamed listing: each batch <paramref name="list"/> parses is written by <paramref name="write"/> as it arrives (see <see cref="StreamedHandOver{T}"/>).</summary>
    private protected bool TryStream<T>(Func<Func<IReadOnlyList<T>, CancellationToken, ValueTask>, RequestContext, Task> list,
        Action<T> write, object? target)
    {
        using var handOver = new StreamedHandOver<T>(Pump, write);
        return TryRun(async _ =>
        {
            await list(handOver.HandAsync, Call(handOver.Stopping)).ConfigureAwait(false);
            return true;
        }, target, out _);
    }

    /// <summary>This command's audit lines; null when auditing is off (Set-TokenAdminAuditLog), and then no audit work is done.</summary>
    private protected CommandAudit? Audit => _auditResolved ? _audit : ResolveAudit();

    private CommandAudit? ResolveAudit()
    {
        _audit = CommandAudit.For(Auditing, Seam, CommandAudit.NameOf(GetType()));
        _auditResolved = true;
        return _audit;
    }

    /// <summary>A service call of this command: admitted by <see cref="Admission"/>; a change its client makes on its own is audited.</summary>
    private protected override RequestContext Call(CancellationToken cancellationToken) =>
        new(cancellationToken, Trace, Admission, _ownChange ??= change => Pump.Post(() => AuditOwnChange(change)));

    /// <summary>What admits each attempt of this command's requests (a bulk run's concurrency); null: none.</summary>
    private protected virtual IAdmissionGate? Admission => null;

    private void AuditOwnChange(OwnChange change)
    {
        if (UsedConnection is { } connection)
        {
            Audit?.WriteOwnChange(connection, change, change.Failure is { } failure ? ToError(failure, change.Target) : null);
        }
    }

    /// <summary>Asks before an audited change (see <see cref="ChangeConfirmation"/>); a strict log that stopped changes ends the command.</summary>
    private protected bool ShouldChange(TConnection connection, string target, AuditTarget change)
    {
        var go = ChangeConfirmation.Ask(Seam, Audit, connection, target, change, out var stop);
        if (stop is not null)
        {
            Terminate(stop);
        }

        return go;
    }

    /// <summary>
    /// <see cref="TryRun{T}"/> for a change: its outcome is audited. <paramref name="done"/> names the item
    /// once it exists (a created token's fingerprint), for the line that says it was done.
    /// </summary>
    private protected bool TryChange<T>(TConnection connection, AuditTarget change, Func<RequestContext, Task<T>> operation, object? target,
        out T result, ErrorVocabulary? vocabulary = null, Func<T, AuditTarget>? done = null)
    {
        if (Audit is not { } audit)
        {
            return TryRun(operation, target, out result, vocabulary);
        }

        RequestTally? tally = null;
        var succeeded = TryRun(
            async call =>
            {
                call = call.ForChange();
                tally = call.Tally;
                return await operation(call).ConfigureAwait(false);
            },
            target, out result, vocabulary, error => audit.WriteFailure(connection, change, error, tally));
        if (succeeded)
        {
            audit.Write(connection, done is null ? change : done(result), AuditOutcome.Done, tally);
        }

        return succeeded;
    }

    /// <summary>
    /// The CommandError for an exception the core raises for one item, or null for anything else (a
    /// bug: let it surface). <paramref name="vocabulary"/> overrides the service's own, for operations
    /// whose statuses mean something more specific (a 404 on a token's DELETE: that token is gone).
    /// </summary>
    private protected CommandError? ToError(Exception exception, object? target, ErrorVocabulary? vocabulary = null) => exception switch
    {
        ServiceException service => Explain(ServiceErrorTranslator.Translate(service, target, vocabulary ?? Vocabulary), service),
        ArgumentException argument => ServiceErrorTranslator.InvalidArgument(argument, target),
        ObjectDisposedException => new CommandError(
            new TokenAdminException($"This {Vocabulary.ServiceName} connection was closed. Run {Vocabulary.ConnectCommand} again.", ErrorIds.ConnectionClosed),
            ErrorIds.ConnectionClosed, ErrorCategory.ConnectionError, target),
        _ => null,
    };

    /// <summary>For a service whose failures mean more given what the connection sent (PowerClerk: which second factor).</summary>
    private protected virtual CommandError Explain(CommandError error, ServiceException exception) => error;
}
