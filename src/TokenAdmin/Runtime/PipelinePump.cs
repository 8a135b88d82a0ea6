using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Runtime;

/// <summary>
/// PowerShell allows WriteObject, WriteVerbose and friends only on the pipeline thread, while
/// the HTTP work is asynchronous. Work completes on pool threads and posts what it wants written
/// here; the pipeline thread runs those actions while it waits. Ctrl+C (the stopping token) ends
/// the wait at once and the token cancels the requests themselves.
/// </summary>
internal sealed class PipelinePump : IDisposable
{
    private static readonly Action WakeUp = static () => { };

    private readonly BlockingCollection<Action> _queue = new();

    public PipelinePump(CancellationToken stopping) => Stopping = stopping;

    public CancellationToken Stopping { get; }

    /// <summary>From any thread: run <paramref name="action"/> on the pipeline thread at the next pump.</summary>
    public void Post(Action action)
    {
        try
        {
            _queue.Add(action);
        }
        catch (ObjectDisposedException)
        {
            // The command has finished; late log lines of abandoned (cancelled) requests are dropped.
        }
    }

    public T Run<T>(Func<CancellationToken, Task<T>> operation)
    {
        var task = Start(operation);
        WaitFor(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Starts work; a synchronous throw becomes a faulted task so callers handle one path.</summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> operation)
    {
        Stopping.ThrowIfCancellationRequested();
        try
        {
            return operation(Stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>Runs posted actions until <paramref name="task"/> has completed and everything it posted ran.</summary>
    public void WaitFor(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(static (_, state) => ((PipelinePump)state!).Post(WakeUp), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        PumpUntil(() => task.IsCompleted);
    }

    /// <summary>Runs posted actions until <paramref name="done"/> holds; whatever changes it must Post.</summary>
    public void PumpUntil(Func<bool> done)
    {
        while (true)
        {
            while (_queue.TryTake(out var ready))
            {
                ready();
            }

            if (done())
            {
                return;
            }

            _queue.Take(Stopping)(); // OperationCanceledException on Ctrl+C
        }
    }

    public void Dispose() => _queue.Dispose();
}
