using System;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http;

/// <summary>Admission control for the attempts of a call: a bulk run's adaptive concurrency.</summary>
public interface IAdmissionGate
{
    /// <summary>
    /// Before each attempt is sent (<paramref name="retry"/> 0 for the first): a retry waits here until
    /// fewer attempts than the current limit are in flight. Dispose the result when the attempt has its
    /// answer. Null: nothing to wait for or release.
    /// </summary>
    ValueTask<IDisposable?> EnterAttemptAsync(int retry, CancellationToken cancellationToken);

    /// <summary>Each attempt's answer as it comes: its status (0 when none came) and its duration.</summary>
    void Answered(int statusCode, TimeSpan elapsed);
}
