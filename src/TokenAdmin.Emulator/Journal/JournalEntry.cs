using System;

namespace TokenAdmin.Emulator;

/// <summary>
/// One service request as the emulator saw it. Recorded on arrival; <see cref="StatusCode"/> or
/// <see cref="Aborted"/> is filled in when it ends. Never holds a credential: no header but the auth scheme
/// is kept, and a credential in the query or body (an HDC token, an apstrata token or signature) is redacted.
/// </summary>
public sealed record JournalEntry
{
    /// <summary>Arrival order within the host, from 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>The X-Request-Id the response carried.</summary>
    public required string RequestId { get; init; }

    public required string Method { get; init; }

    /// <summary>The path as routed (for a proxied request, the path of the absolute target).</summary>
    public required string Path { get; init; }

    /// <summary>The query string including its leading '?', or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The matched route's name (e.g. hdc.tokens.list); null when no route matched (404, 405).</summary>
    public string? RouteName { get; init; }

    /// <summary>The request body as UTF-8 text; null when the request had none.</summary>
    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Kestrel's id of the TCP connection: equal ids mean the client reused its pooled connection.</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The Authorization scheme (e.g. "Basic", "Bearer"), "Other" for an unrecognised one; for apstrata "apstrata signature (Simple)", "(Complex)" or "apstrata token"; null when absent.</summary>
    public string? AuthScheme { get; init; }

    public required DateTimeOffset ArrivedAt { get; init; }

    /// <summary>The request reached the host as a forward proxy (absolute-form target, proxy mode on).</summary>
    public bool ViaProxy { get; init; }

    /// <summary>The host of the absolute-form target when <see cref="ViaProxy"/>.</summary>
    public string? TargetHost { get; init; }

    /// <summary>
    /// The response status; null while in flight or when aborted. After an abort-after-applying fault
    /// it is the status the route set, which the client never received (the change was applied).
    /// </summary>
    public int? StatusCode { get; init; }

    /// <summary>The injected fault this request got ("429:1", "abort", "abort-after", ...); null when served normally.</summary>
    public string? Fault { get; init; }

    /// <summary>The request ended without a response: the connection was aborted or the client went away.</summary>
    public bool Aborted { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsCompleted => CompletedAt is not null;
}
