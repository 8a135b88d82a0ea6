using System;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Runtime;

/// <summary>The core's request log, marshalled to the pipeline thread's Verbose and Debug streams.</summary>
internal sealed class CommandHttpTrace : IHttpTrace
{
    private readonly PipelinePump _pump;
    private readonly ICommandSeam _seam;

    public CommandHttpTrace(PipelinePump pump, ICommandSeam seam)
    {
        _pump = pump;
        _seam = seam;
        IsVerboseEnabled = seam.IsVerboseEnabled;
        IsDebugEnabled = seam.IsDebugEnabled;
    }

    public bool IsVerboseEnabled { get; }

    public bool IsDebugEnabled { get; }

    /// <summary>A bulk run's concurrency, fed every attempt's answer (from the threads they arrive on).</summary>
    public AdaptiveConcurrency? Concurrency { get; set; }

    public void Answered(int statusCode, TimeSpan elapsed) => Concurrency?.OnAnswer(statusCode, elapsed);

    /// <summary>Where the command audits changes a client made on its own (set while auditing is on); runs on the pipeline thread.</summary>
    public Action<string, string, string, int, string?, Exception?>? OwnChange { get; set; }

    public void ChangedOnItsOwn(string operation, string targetType, string target, int attempts, string? requestId, Exception? failure = null)
    {
        if (OwnChange is { } audit)
        {
            _pump.Post(() => audit(operation, targetType, target, attempts, requestId, failure));
        }
    }

    public ValueTask<IDisposable?> EnterAttemptAsync(int retry, CancellationToken cancellationToken) =>
        Concurrency is { } concurrency ? concurrency.EnterAttemptAsync(retry, cancellationToken) : ValueTask.FromResult<IDisposable?>(null);

    public void Verbose(string message)
    {
        if (IsVerboseEnabled)
        {
            _pump.Post(() => _seam.WriteVerbose(message));
        }
    }

    public void Debug(string message)
    {
        if (IsDebugEnabled)
        {
            _pump.Post(() => _seam.WriteDebug(message));
        }
    }
}
