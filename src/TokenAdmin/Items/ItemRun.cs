using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using TokenAdmin.Audit;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http;
using TokenAdmin.Errors;
using TokenAdmin.Runtime;

namespace TokenAdmin.Items;

/// <summary>
/// The one place where a Remove-* item meets its fate. It confirms each item (-WhatIf, -Confirm, a
/// strict audit log's stop), queues it, sends the queue as one request when it holds
/// <see cref="BulkRemoveCommand{TConnection, TItem, TResult}.MaxItemsPerRequest"/> items (or the
/// connection changes, or the input ends), and records what became of every item: done (its audit
/// line, then -PassThru), failed with its own error and audit line, or not attempted (its audit
/// line, and a place in the terminating error's NotAttempted). A failure every later item would
/// share (the credentials were refused) stops the run: nothing more is sent, and the command ends
/// with that error once the requests in flight have answered.
/// </summary>
internal sealed class ItemRun<TConnection, TItem, TResult>
    where TConnection : TokenAdminConnection
    where TItem : notnull
{
    private readonly BulkRemoveCommand<TConnection, TItem, TResult> _command;
    private readonly ThrottledRunner _runner;
    private readonly List<(TItem Item, ItemDescription Description)> _queue = new();
    private readonly HashSet<TItem>? _seen;
    private readonly List<object> _notAttempted = new();
    private TConnection? _queueConnection;

    public ItemRun(BulkRemoveCommand<TConnection, TItem, TResult> command, ThrottledRunner runner)
    {
        _command = command;
        _runner = runner;
        _seen = command.SendsEachItemOnce ? new HashSet<TItem>() : null;
    }

    private ICommandSeam Seam => _command.Seam;

    /// <summary>Requests that <paramref name="items"/> take (the progress total).</summary>
    public int RequestsFor(IReadOnlyList<TItem> items)
    {
        var count = _seen is null ? items.Count : items.Distinct().Count();
        return (count + _command.MaxItemsPerRequest - 1) / _command.MaxItemsPerRequest;
    }

    /// <summary>Checks and confirms one item, and queues it to be sent.</summary>
    public void Add(TConnection connection, TItem item)
    {
        if (_seen is not null && !_seen.Add(item))
        {
            return; // named twice: sent once
        }

        if (_command.Problem(item) is { } refused)
        {
            Seam.WriteError(refused); // this item alone; nothing is sent for it
            return;
        }

        var description = _command.Describe(connection, item);
        if (!Confirm(connection, description))
        {
            return;
        }

        if (_queueConnection is not null && !ReferenceEquals(_queueConnection, connection))
        {
            SendQueued(); // one request speaks for one connection
        }

        _queueConnection = connection;
        _queue.Add((item, description));
        if (_queue.Count >= _command.MaxItemsPerRequest)
        {
            SendQueued();
        }
    }

    /// <summary>Sends what is queued as one request (at a batch boundary and at the end of the input).</summary>
    public void SendQueued()
    {
        if (_queue.Count == 0)
        {
            return;
        }

        var batch = _queue.ToArray();
        var connection = _queueConnection!;
        _queue.Clear();
        _queueConnection = null;
        var audit = _command.ItemAudit;
        RequestTally? tally = null;
        _runner.Start(
            () => NotAttempted(connection, batch, audit),
            ct =>
            {
                var call = _command.ItemCall(ct);
                if (audit is not null)
                {
                    call = call.ForChange();
                    tally = call.Tally;
                }

                return _command.SendAsync(connection, batch.Select(b => b.Item).ToArray(), call);
            },
            completed =>
            {
                if (completed.Exception?.InnerException is { } failure)
                {
                    Failed(connection, batch, failure, audit, tally);
                }
                else if (completed.IsCompletedSuccessfully)
                {
                    foreach (var (item, description) in batch)
                    {
                        Lost(audit?.Write(connection, _command.DoneChange(description.Change, completed.Result), AuditOutcome.Done, tally));
                        _command.Removed(connection, item, completed.Result);
                    }
                }
            });
    }

    /// <summary>Ends the command with <paramref name="error"/> (after the requests in flight); <paramref name="unsent"/> were received and not sent.</summary>
    public void Stop(CommandError error, IEnumerable<TItem> unsent)
    {
        _runner.Fatal(error);
        _notAttempted.AddRange(unsent.Select(_command.NotAttemptedForm));
        ThrowIfStopped();
    }

    /// <summary>Waits for every request started and ends the progress bar.</summary>
    public void Drain() => _runner.Drain();

    /// <summary>After a stop: waits for the requests in flight, then terminates, counting and carrying the items never sent.</summary>
    public void ThrowIfStopped()
    {
        if (_runner.Stopped is not { } error)
        {
            return;
        }

        if (_queueConnection is { } connection)
        {
            NotAttempted(connection, _queue.ToArray(), _command.ItemAudit); // confirmed and queued, never sent
            _queue.Clear();
            _queueConnection = null;
        }

        _runner.Drain();
        var message = error.DisplayMessage;
        if (_notAttempted.Count > 0)
        {
            var count = _notAttempted.Count;
            message += $" {count} more {(count == 1 ? "item was" : "items were")} not attempted (received, never sent); the error's Exception.NotAttempted holds them.";
        }

        if (_command.ReadsPipeline)
        {
            // What the pipeline had not handed over yet was never received: no list can hold it.
            message += " Input still in the pipeline was not read, and is in no list: once the cause is fixed, run the same query again to finish (it finds only what is left).";
        }

        Seam.ThrowTerminatingError(error with { Message = message, NotAttempted = _notAttempted.ToArray() });
    }

    private bool Confirm(TConnection connection, ItemDescription description)
    {
        if (ChangeConfirmation.Ask(Seam, _command.ItemAudit, connection, description.Prompt, description.Change, out var stop))
        {
            return true;
        }

        if (stop is null)
        {
            return false;
        }

        _runner.Fatal(stop); // queued all the same: the stopped run records it as not attempted
        return true;
    }

    private void NotAttempted(TConnection connection, (TItem Item, ItemDescription Description)[] batch, CommandAudit? audit)
    {
        foreach (var (item, description) in batch)
        {
            audit?.Write(connection, description.Change, AuditOutcome.NotAttempted);
            _notAttempted.Add(_command.NotAttemptedForm(item));
        }
    }

    private void Failed(TConnection connection, (TItem Item, ItemDescription Description)[] batch, Exception failure, CommandAudit? audit, RequestTally? tally)
    {
        foreach (var (_, description) in batch)
        {
            var error = _command.ItemError(failure, description.ErrorTarget);
            if (error is null)
            {
                ExceptionDispatchInfo.Throw(failure); // not a service failure: a bug, surfaced as it is
            }

            if (batch.Length > 1)
            {
                error = error with { Message = $"{error.DisplayMessage} (a request for {batch.Length} {_command.ItemsNoun} failed; {description.Name} was among them.)" };
            }

            Lost(audit?.WriteFailure(connection, description.Change, error, tally));
            if (error.DoomsLaterItems)
            {
                _runner.Fatal(error);
            }
            else
            {
                Seam.WriteError(error);
            }
        }
    }

    /// <summary>A strict audit log lost a line: nothing more starts (the requests in flight end and are reported).</summary>
    private void Lost(bool? written)
    {
        if (written == false && _command.ItemAudit?.Stop is { } stop)
        {
            _runner.Fatal(stop);
        }
    }
}
