using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Runtime;

namespace TokenAdmin.Items;

/// <summary>
/// Requests in flight for a bulk run: as many on the connection's one pool as
/// <see cref="AdaptiveConcurrency"/> allows (at most -ThrottleLimit), each completion handled on the
/// pipeline thread in completion order, progress for runs of more than one request. It knows
/// requests, not items (<see cref="Items.ItemRun{TConnection, TItem, TResult}"/> does). A failure that
/// dooms every later request (the credentials were refused) stops new starts; the requests in flight
/// are waited for (<see cref="Drain"/>) before the command terminates with it.
/// </summary>
internal sealed class ThrottledRunner
{
    private const int ProgressActivityId = 1;

    /// <summary>A few progress records a second are all a host can show; more only cost time per item.</summary>
    internal static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly PipelinePump _pump;
    private readonly ICommandSeam _seam;
    private readonly AdaptiveConcurrency _concurrency;
    private readonly string _activity;
    private CommandError? _fatal;
    private int _inFlight;
    private int _started;
    private int _finished;
    private int _failed;
    private bool _progressShown;
    private bool _concurrencyTold;
    private TimeSpan? _progressWrittenAt;
    private ProgressUpdate? _progressPending;
    private readonly Func<TimeSpan> _elapsed;

    /// <param name="elapsed">Time since an arbitrary start, for throttling progress; tests pass a fake one.</param>
    public ThrottledRunner(PipelinePump pump, ICommandSeam seam, AdaptiveConcurrency concurrency, string activity, Func<TimeSpan>? elapsed = null)
    {
        _pump = pump;
        _seam = seam;
        _concurrency = concurrency;
        _activity = activity;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _elapsed = elapsed ?? (() => System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>How many requests may be in flight; it admits every attempt, retries included.</summary>
    public AdaptiveConcurrency Concurrency => _concurrency;

    /// <summary>Known total (items given as an array), for a percentage; 0 when they stream in.</summary>
    public int ExpectedTotal { get; set; }

    /// <summary>The failure that stopped the run, or null while it goes on.</summary>
    public CommandError? Stopped => _fatal;

    /// <summary>
    /// Starts <paramref name="work"/> once a slot is free; <paramref name="completed"/> runs on the
    /// pipeline thread. After a fatal failure nothing starts: <paramref name="notStarted"/> runs instead.
    /// </summary>
    public void Start<T>(Action notStarted, Func<CancellationToken, Task<T>> work, Action<Task<T>> completed)
    {
        _pump.PumpUntil(() => _inFlight < _concurrency.Limit || _fatal is not null);
        if (_fatal is not null)
        {
            notStarted();
            return;
        }

        _inFlight++;
        _started++;
        var task = _pump.Start(work);
        task.ContinueWith(t => _pump.Post(() => Complete(t, completed)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// A failure that every later request would share. The first one stops the run (see
    /// <see cref="Stopped"/>); requests already in flight that fail the same way are each written as
    /// their own error.
    /// </summary>
    public void Fatal(CommandError error)
    {
        if (_fatal is null)
        {
            _fatal = error;
        }
        else if (!ReferenceEquals(_fatal, error)) // one stop (a strict audit log's) may be raised by several items
        {
            _seam.WriteError(error);
        }
    }

    /// <summary>Waits for everything started; ends the progress bar; says in -Verbose how the concurrency went.</summary>
    public void Drain()
    {
        _pump.PumpUntil(() => _inFlight == 0);
        if (_started > 1 && !_concurrencyTold)
        {
            _seam.WriteVerbose($"{_activity}: {_started} requests; {_concurrency}.");
            _concurrencyTold = true;
        }

        if (_progressPending is { } last)
        {
            _seam.WriteProgress(last); // the final count, even when it came inside the interval
            _progressPending = null;
        }

        if (_progressShown)
        {
            _seam.WriteProgress(new ProgressUpdate(ProgressActivityId, _activity, "Done", 100, Completed: true));
            _progressShown = false;
        }
    }

    private void Complete<T>(Task<T> task, Action<Task<T>> completed)
    {
        _inFlight--;
        _finished++;
        if (task.IsFaulted)
        {
            _failed++;
        }

        completed(task);
        if (_started > 1 || ExpectedTotal > 1)
        {
            var total = Math.Max(ExpectedTotal, 0);
            var status = total > 0 ? $"{_finished} of {total} done" : $"{_finished} done";
            if (_failed > 0)
            {
                status += $", {_failed} failed";
            }

            var percent = total > 0 ? Math.Min(100, _finished * 100 / total) : -1;
            var update = new ProgressUpdate(ProgressActivityId, _activity, status, percent, Completed: false);
            var now = _elapsed();
            if (_progressWrittenAt is { } at && now - at < ProgressInterval && _finished != total)
            {
                _progressPending = update; // written later, or at the end
                return;
            }

            _seam.WriteProgress(update);
            _progressWrittenAt = now;
            _progressPending = null;
            _progressShown = true;
        }
    }
}
