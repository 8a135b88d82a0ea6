using System;
using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>One injected fault, consumed by exactly one request. Create with the factory methods.</summary>
public sealed record FaultStep
{
    /// <summary>In a reason phrase, header value or body: replaced by the request's Authorization header, as a hostile service might echo it (<see cref="EchoTemplate"/> has the other forms).</summary>
    public const string AuthorizationPlaceholder = "{authorization}";

    /// <summary>How the journal names an <see cref="AbortAfterApplying"/> step.</summary>
    public const string AbortAfterApplyingName = "abort-after";

    /// <summary>The <see cref="BodyBytes"/> of a body that never ends.</summary>
    public const long Endless = long.MaxValue;

    private FaultStep(FaultKind kind)
    {
        Kind = kind;
    }

    public FaultKind Kind { get; }

    /// <summary>The response status of a <see cref="FaultKind.Status"/> step; 0 otherwise.</summary>
    public int StatusCode { get; private init; }

    /// <summary>Sent verbatim as the Retry-After header: delay-seconds ("2") or an HTTP-date.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>The response body (may echo the request: see <see cref="EchoTemplate"/>); null sends the default error body in the route's service's shape.</summary>
    public string? Body { get; private init; }

    /// <summary>Content-Type of a custom <see cref="Body"/>; null means application/json.</summary>
    public string? ContentType { get; private init; }

    /// <summary>A reason phrase instead of the standard one (may echo the request: see <see cref="EchoTemplate"/>).</summary>
    public string? ReasonPhrase { get; private init; }

    /// <summary>Extra response headers (values may echo the request: see <see cref="EchoTemplate"/>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; private init; }

    /// <summary>Size of a <see cref="FaultKind.LargeBody"/> after decompression (<see cref="Endless"/>: never ends).</summary>
    public long BodyBytes { get; private init; }

    /// <summary>In-process tests only: the step waits for this task before it applies, so a test orders events without timing.</summary>
    public System.Threading.Tasks.Task? HoldUntil { get; private init; }

    /// <summary>The same step, held until <paramref name="release"/> completes (the request is in flight meanwhile).</summary>
    public FaultStep After(System.Threading.Tasks.Task release) => this with { HoldUntil = release ?? throw new ArgumentNullException(nameof(release)) };

    /// <summary>The 429 a request got for arriving over the route's concurrency limit (not a queued step).</summary>
    public bool OverConcurrencyLimit { get; internal init; }

    /// <summary>A <see cref="FaultKind.Status"/> step whose <see cref="Body"/> is sent and flushed, after which the response never ends.</summary>
    public bool HangAfterBody { get; private init; }

    /// <summary>
    /// The same status step, but after its body the response stays open until the client leaves:
    /// a list that is still arriving. A client that streams has the first items; one that buffers waits.
    /// </summary>
    public FaultStep ThenHang() => Kind == FaultKind.Status && Body is not null
        ? this with { HangAfterBody = true }
        : throw new InvalidOperationException("Only a status step with a body can hang after it.");

    /// <summary>A <see cref="FaultKind.LargeBody"/> sent gzip-compressed (a small download that inflates to <see cref="BodyBytes"/>).</summary>
    public bool Gzip { get; private init; }

    /// <summary>Respond with <paramref name="statusCode"/> (200-599) instead of serving the route.</summary>
    public static FaultStep Status(int statusCode, string? retryAfter = null, string? body = null, string? contentType = null,
        string? reasonPhrase = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new FaultStep(FaultKind.Status)
        {
            StatusCode = statusCode,
            RetryAfter = retryAfter,
            Body = body,
            ContentType = contentType,
            ReasonPhrase = reasonPhrase,
            Headers = headers,
        };
    }

    /// <summary>Serve this request normally; the next step applies to the request after it.</summary>
    public static FaultStep Pass() => new(FaultKind.Pass);

    /// <summary>Abort the connection without a response (the client sees a transport failure). The route does not run.</summary>
    public static FaultStep Abort() => new(FaultKind.Abort);

    /// <summary>
    /// Serve the route (its change is applied), then abort the connection instead of sending the
    /// response: the client cannot tell whether the request took effect.
    /// </summary>
    public static FaultStep AbortAfterApplying() => new(FaultKind.AbortAfterApplying);

    /// <summary>Never respond; the journal records the request as aborted once the client goes away.</summary>
    public static FaultStep Hang() => new(FaultKind.Hang);

    /// <summary>Answer 200 with a JSON-looking body of <paramref name="bytes"/> bytes (<see cref="Endless"/>), optionally gzip-compressed. The route does not run.</summary>
    public static FaultStep LargeBody(long bytes, bool gzip = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        return new FaultStep(FaultKind.LargeBody) { StatusCode = 200, BodyBytes = bytes, Gzip = gzip };
    }

    public override string ToString() => Kind switch
    {
        FaultKind.Status when HangAfterBody => $"{StatusCode}-then-hang",
        FaultKind.Status when OverConcurrencyLimit => "concurrency-limit",
        FaultKind.Status when RetryAfter is not null => $"{StatusCode}:{RetryAfter}",
        FaultKind.Status => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FaultKind.AbortAfterApplying => AbortAfterApplyingName,
        FaultKind.LargeBody => Gzip ? "gzip-bomb" : "large-body",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
