using System;
using System.Threading;

namespace TokenAdmin.Core.Http;

/// <summary>
/// What one call of a service client runs under, passed explicitly down to every request it sends:
/// the cancellation token, where its request lines go (-Verbose, -Debug), the gate that admits each
/// attempt (a bulk run's concurrency), the tally of an audited change, and where a change the client
/// makes on its own (PowerClerk renews the connection's MST) is reported. Immutable: a copy is
/// made per call, so concurrent calls never share a tally.
/// </summary>
public sealed class RequestContext
{
    private readonly Action<OwnChange>? _changedOnItsOwn;

    public RequestContext(CancellationToken cancellationToken = default, IHttpTrace? trace = null,
        IAdmissionGate? admission = null, Action<OwnChange>? changedOnItsOwn = null)
    {
        CancellationToken = cancellationToken;
        Trace = trace ?? NullHttpTrace.Instance;
        Admission = admission;
        _changedOnItsOwn = changedOnItsOwn;
    }

    private RequestContext(RequestContext other, RequestTally tally)
        : this(other.CancellationToken, other.Trace, other.Admission, other._changedOnItsOwn) => Tally = tally;

    /// <summary>No trace, no gate, no audit; cancelled by nothing.</summary>
    public static RequestContext None { get; } = new();

    public CancellationToken CancellationToken { get; }

    /// <summary>The request log (never null).</summary>
    public IHttpTrace Trace { get; }

    /// <summary>Admits each attempt and hears its answer; null: every attempt goes at once.</summary>
    public IAdmissionGate? Admission { get; }

    /// <summary>An audited change's attempts and request id (its last state-changing request); null outside one.</summary>
    public RequestTally? Tally { get; }

    /// <summary>The same call as an audited change: a copy with its own, empty tally.</summary>
    public RequestContext ForChange() => new(this, new RequestTally());

    /// <summary>Tells the caller (its audit log) of a change the client made on its own while serving this call.</summary>
    public void ReportOwnChange(OwnChange change) => _changedOnItsOwn?.Invoke(change);
}
