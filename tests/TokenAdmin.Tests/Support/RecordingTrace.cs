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

    void IHttpTrace.ChangedOnItsOwn(string operation, string targetType, string target, int attempts, string? requestId, System.Exception? failure)
    {
        lock (OwnChanges)
        {
            OwnChanges.Add($"{operation}|{targetType}|{target}|{attempts}|{(requestId is null ? "no request id" : "request id")}{(failure is null ? "" : "|failed")}");
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
