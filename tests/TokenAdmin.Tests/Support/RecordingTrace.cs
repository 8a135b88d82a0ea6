using System.Collections.Generic;
using System.Linq;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Tests.Support;

/// <summary>The core's request log, collected (thread-safe: requests complete on pool threads).</summary>
internal sealed class RecordingTrace : IHttpTrace
{
    public List<string> Verbose { get; } = new();

    public List<string> Debug { get; } = new();

    public string All
    {
        get
        {
            lock (Verbose)
            {
                lock (Debug)
                {
                    return string.Join("\n", Verbose.Concat(Debug));
                }
            }
        }
    }

    /// <summary>Changes a client made on its own: "operation|targetType|target|attempts".</summary>
    public List<string> OwnChanges { get; } = new();

    public bool IsVerboseEnabled => true;

    /// <summary>A call that logs here and reports its own changes to <see cref="OwnChanges"/>.</summary>
    public RequestContext Call(System.Threading.CancellationToken cancellationToken = default) => new(cancellationToken, this, changedOnItsOwn: Record);

    private void Record(OwnChange change)
    {
        lock (OwnChanges)
        {
            OwnChanges.Add($"{change.Operation}|{change.TargetType}|{change.Target}|{change.Attempts}|{(change.RequestId is null ? "no request id" : "request id")}{(change.Failure is null ? "" : "|failed")}");
        }
    }

    public bool IsDebugEnabled => true;

    void IHttpTrace.Verbose(string message)
    {
        lock (Verbose)
        {
            Verbose.Add(message);
        }
    }

    void IHttpTrace.Debug(string message)
    {
        lock (Debug)
        {
            Debug.Add(message);
        }
    }
}
