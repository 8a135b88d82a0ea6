using System;
using System.Collections.Generic;
using TokenAdmin.Emulator;

namespace TokenAdmin.Tests.Matrix;

/// <summary>How a cell must end, given the route: the outcome the user is told and whether the service made the change.</summary>
internal enum Expected
{
    /// <summary>Reported done, and made.</summary>
    Done,

    /// <summary>Reported failed, and not made.</summary>
    Failed,

    /// <summary>Reported failed with OutcomeUnknown (audit "unknown"): made or not, the user is told it may have been.</summary>
    Unknown,
}

/// <summary>The bodies a service speaks: what its failure inside a 200, and a malformed 200, look like.</summary>
internal enum Wire
{
    HdcJson,
    SecurIdJson,
    PowerClerkXml,
    ApstrataJson,
}

/// <summary>
/// One way a service (or what stands in front of it) answers a change (this file is also compiled
/// into tests/TokenAdmin.Engine.Tests: one table of faults for both matrices), as the emulator injects it.
/// <see cref="Expect"/> says how the cell must end; <see cref="Applied"/> whether the emulator makes the
/// change (null: as the outcome implies). Echo faults put the request's secrets, transformed, where a
/// client might show them.
/// </summary>
internal sealed record MatrixFault(string Name, Func<MatrixRoute, FaultStep[]> Steps, Func<MatrixRoute, Expected> Expect, Func<MatrixRoute, bool>? Applied = null)
{
    /// <summary>Whether the fault means anything for the route (an echoed body needs a request body: an empty 200 is a DELETE's documented success).</summary>
    public Func<MatrixRoute, bool> AppliesTo { get; init; } = _ => true;

    /// <summary>
    /// The fault makes the client wait (a Retry-After, backoff after a reset, a timeout): the xunit
    /// matrix runs it on virtual time; the engine matrix, on real time, leaves it out.
    /// </summary>
    public bool Waits => RetryAfter is not null || TimeoutSec != 100 || Name.StartsWith("reset", StringComparison.Ordinal);

    /// <summary>The TimeoutSec a cell connects with: short only where the fault waits it out.</summary>
    public int TimeoutSec { get; init; } = 100;

    /// <summary>A Retry-After the client must wait out (virtual time) before the attempt that succeeds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public override string ToString() => Name;

    private const string Html = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\">Sign in to continue</form></body></html>";

    /// <summary>Where a request's secrets are, for a service that echoes them (see the emulator's EchoTemplate).</summary>
    private static string Echo(string transform) =>
        $"denied {{authorization{transform}}} {{header:X-ApiKey{transform}}} {{header:X-MfaSessionToken{transform}}} {{header:X-MfaTotp{transform}}} {{query{transform}}} {{body{transform}}}";

    private static string FailureBody(Wire wire) => wire switch
    {
        Wire.HdcJson => """{"success":false,"errorCode":"TOKEN_NOT_FOUND","message":"No such token."}""",
        Wire.SecurIdJson => """{"code":"TOKEN_NOT_FOUND","message":"Unable to complete service call"}""",
        Wire.PowerClerkXml => "<Error><Code>TOKEN_NOT_FOUND</Code><Message>No such token.</Message></Error>",
        _ => """{"response":{"metadata":{"requestId":"r-1","status":"failure","errorCode":"INVALID_TOKEN","errorDetail":"could not find the token"}}}""",
    };

    private static string MalformedBody(Wire wire) => wire switch
    {
        Wire.PowerClerkXml => "<CreateMfaSessionTokenResponse TokenId=\"RXKVCEZTR0GN\"",
        Wire.ApstrataJson => """{"response":{"metadata":{"status":"succ""",
        _ => """{"success":tr""",
    };

    private static string ContentType(Wire wire) => wire == Wire.PowerClerkXml ? "application/xml" : "application/json";

    private static Expected RetriedOr(MatrixRoute route, Expected otherwise) => route.Idempotent ? Expected.Done : otherwise;

    /// <summary>Every fault of the matrix. A new way of failing joins by adding a line.</summary>
    public static IReadOnlyList<MatrixFault> All { get; } = new MatrixFault[]
    {
        new("200 login page", r => [FaultStep.Status(200, body: Html, contentType: "text/html")], _ => Expected.Failed),
        new("200 failure body", r => [FaultStep.Status(200, body: FailureBody(r.Wire), contentType: ContentType(r.Wire))], _ => Expected.Failed),
        new("200 malformed", r => [FaultStep.Status(200, body: MalformedBody(r.Wire), contentType: ContentType(r.Wire))], _ => Expected.Failed),
        new("200 echoing the request body", r => [FaultStep.Status(200, body: "{body}", contentType: r.Wire == Wire.ApstrataJson ? "application/x-www-form-urlencoded" : ContentType(r.Wire))], _ => Expected.Failed) { AppliesTo = r => r.SendsBody },
        new("429 Retry-After 2", r => [FaultStep.Status(429, retryAfter: "2")], _ => Expected.Done) { RetryAfter = TimeSpan.FromSeconds(2) },
        new("503 Retry-After 2", r => [FaultStep.Status(503, retryAfter: "2")], _ => Expected.Done) { RetryAfter = TimeSpan.FromSeconds(2) },
        new("reset before applying", r => [FaultStep.Abort()], r => RetriedOr(r, Expected.Unknown), r => r.Idempotent),
        new("reset after applying", r => [FaultStep.AbortAfterApplying()], r => RetriedOr(r, Expected.Unknown), _ => true),
        new("hang past the timeout", r => [FaultStep.Hang()], r => RetriedOr(r, Expected.Unknown), r => r.Idempotent) { TimeoutSec = 2 },
        new("400 body echoing the request", r => [FaultStep.Status(400, body: Echo(""), contentType: "text/plain")], _ => Expected.Failed),
        new("403 body echoing URL-encoded", r => [FaultStep.Status(403, body: Echo(":url"), contentType: "text/plain")], _ => Expected.Failed),
        new("500 body echoing +-encoded", r => [FaultStep.Status(500, body: Echo(":form"), contentType: "text/plain")], _ => Expected.Failed),
        new("400 HTML echoing HTML-escaped", r => [FaultStep.Status(400, body: $"<html><body>{Echo(":html")}</body></html>", contentType: "text/html")], _ => Expected.Failed),
        new("400 JSON echoing base64", r => [FaultStep.Status(400, body: $$"""{"message":"{{Echo(":base64")}}","code":"{authorization:base64}"}""", contentType: "application/json")], _ => Expected.Failed),
        new("400 echoing upper case", r => [FaultStep.Status(400, body: Echo(":upper"), contentType: "text/plain")], _ => Expected.Failed),
        new("400 echoing lower case", r => [FaultStep.Status(400, body: Echo(":lower"), contentType: "text/plain")], _ => Expected.Failed),
        new("400 reason phrase echoing", r => [FaultStep.Status(400, reasonPhrase: "Bad {authorization} {header:X-ApiKey} {query:url}")], _ => Expected.Failed),
        new("302 Location echoing", r => [FaultStep.Status(302, headers: new Dictionary<string, string> { ["Location"] = "https://login.example/?t={authorization:url}&k={header:X-ApiKey}&q={query:url}" })], _ => Expected.Failed),
        new("409 X-Request-Id echoing", r => [FaultStep.Status(409, headers: new Dictionary<string, string> { ["X-Request-Id"] = "{authorization} {header:X-ApiKey:base64} {query}" })], _ => Expected.Failed),
        new("401 WWW-Authenticate echoing", r => [FaultStep.Status(401, headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"{authorization}\", error=\"{header:X-MfaSessionToken}{query:url}\"" })], _ => Expected.Failed),
    };
}
