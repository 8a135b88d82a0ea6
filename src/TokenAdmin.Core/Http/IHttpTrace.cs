using System;

namespace TokenAdmin.Core.Http;

/// <summary>
/// Where the core reports each request: -Verbose gets method, URL, status and duration; -Debug
/// gets headers and bodies. Texts arrive already redacted. May be called from any thread; the
/// cmdlet side marshals to the pipeline thread.
/// </summary>
public interface IHttpTrace
{
    bool IsVerboseEnabled { get; }

    bool IsDebugEnabled { get; }

    void Verbose(string message);

    void Debug(string message);

    /// <summary>
    /// Each attempt's answer as it comes: its status (0 when none came: a timeout or a lost
    /// connection) and its duration. A bulk run adapts its concurrency to these.
    /// </summary>
    void Answered(int statusCode, TimeSpan elapsed)
    {
    }

    /// <summary>
    /// Before each attempt is sent (<paramref name="retry"/> 0 for the first): a bulk run makes a retry
    /// wait here until fewer attempts than its current limit are in flight. Dispose the result when the
    /// attempt has its answer. Null: nothing to wait for or release.
    /// </summary>
    System.Threading.Tasks.ValueTask<IDisposable?> EnterAttemptAsync(int retry, System.Threading.CancellationToken cancellationToken) =>
        System.Threading.Tasks.ValueTask.FromResult<IDisposable?>(null);

    /// <summary>
    /// A change a service client made on its own while serving the command (PowerClerk renews the
    /// connection's MST before it expires), for the audit log, also when it failed (<paramref name="failure"/>:
    /// the ServiceException). The target is an identifier, never a value.
    /// </summary>
    void ChangedOnItsOwn(string operation, string targetType, string target, int attempts, string? requestId, Exception? failure = null)
    {
    }
}

public sealed class NullHttpTrace : IHttpTrace
{
    public static NullHttpTrace Instance { get; } = new();

    public bool IsVerboseEnabled => false;

    public bool IsDebugEnabled => false;

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }
}
