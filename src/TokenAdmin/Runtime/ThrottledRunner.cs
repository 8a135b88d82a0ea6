using System;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Runtime;

/// <summary>
/// Bulk work for Remove-*: up to -ThrottleLimit requests in flight on the connection's one pool,
/// results handled on the pipeline thread in completion order, progress for runs of more than one item.
/// </summary>
internal sealed class ThrottledRunner
{
    private const int ProgressActivityId = 1;

    private readonly PipelinePump _pump;
    private readonly ICommandSeam _seam;
    private readonly int _limit;
    private readonly string _activity;
    private int _inFlight;
    private int _started;
    private int _finished;
    private int _failed;
    private bool _progressShown;

    public ThrottledRunner(PipelinePump pump, ICommandSeam seam, int limit, string activity)
    {
        _pump = pump;
        _seam = seam;
        _limit = Math.Max(1, limit);
        _activity = activity;
    }

    /// <summary>Known total (items given as an array), for a percentage; 0 when they stream in.</summary>
    public int ExpectedTotal { get; set; }

    /// <summary>Starts <paramref name="work"/> once a slot is free; <paramref name="completed"/> runs on the pipeline thread.</summary>
    public void Start<T>(Func<CancellationToken, Task<T>> work, Action<Task<T>> completed)
    {
        _pump.PumpUntil(() => _inFlight < _limit);
        _inFlight++;
        _started++;
        var task = _pump.Start(work);
        task.ContinueWith(t => _pump.Post(() => Complete(t, completed)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for everything started; ends the progress bar.</summary>
    public void Drain()
    {
        _pump.PumpUntil(() => _inFlight == 0);
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
            _seam.WriteProgress(new ProgressUpdate(ProgressActivityId, _activity, status, percent, Completed: false));
            _progressShown = true;
        }
    }
}
