using System.Collections.Generic;

namespace TokenAdmin.Emulator;

// JSON shapes of the /_emulator control surface.

/// <summary><c>GET /_emulator</c>: everything a person or script needs to use this emulator.</summary>
internal sealed record EmulatorInfo(
    string Name,
    string BaseUrl,
    string? HttpsBaseUrl,
    string AdminUrl,
    IReadOnlyList<string> Routes,
    IReadOnlyList<EmulatedServiceInfo> Services,
    ProxyInfo? Proxy,
    IReadOnlyList<string> AdminEndpoints);

/// <summary>Proxy mode: where to point a client's proxy setting, and its credentials.</summary>
internal sealed record ProxyInfo(string Url, string Realm, string UserName, string Password);

/// <summary><c>POST /_emulator/faults</c> body.</summary>
internal sealed record FaultRequest(string? Route, int? LatencyMs, IReadOnlyList<FaultStepRequest>? Steps,
    int? ConcurrencyLimit = null, string? ConcurrencyRetryAfter = null);

/// <summary>One step: exactly one of <c>status</c>, <c>abort: true</c>, <c>hang: true</c>; a status with a body and <c>hang: true</c> sends the body, then never ends.</summary>
internal sealed record FaultStepRequest(int? Status, string? RetryAfter, string? Body, string? ContentType, bool Abort, bool Hang,
    bool AbortAfterApplying = false, string? ReasonPhrase = null, IReadOnlyDictionary<string, string>? Headers = null,
    long? BodyBytes = null, bool Endless = false, bool Gzip = false, bool Pass = false);

/// <summary>The route's fault state after a <c>POST /_emulator/faults</c>.</summary>
internal sealed record FaultSummary(string Route, int PendingSteps, int? LatencyMs);

/// <summary><c>POST /_emulator/seed</c>: how many items each service added.</summary>
internal sealed record SeedSummary(IReadOnlyDictionary<string, int> Added);

/// <summary><c>GET /_emulator/requests</c>.</summary>
internal sealed record JournalSnapshot(IReadOnlyList<JournalEntry> Requests);
