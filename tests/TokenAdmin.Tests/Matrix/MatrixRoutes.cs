using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using TokenAdmin.Apstrata;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.Hdc;
using TokenAdmin.PowerClerk;
using TokenAdmin.SecurId;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Matrix;

/// <summary>
/// One mutating route of one service, as the matrix drives it: the command that sends it, the
/// emulator route a fault is injected on, the audit line it writes, and <see cref="Arrange"/>, which
/// connects (with the cell's TimeoutSec), prepares the state and returns the cell to run.
/// </summary>
internal sealed record MatrixRoute(string Name, string Command, string EmulatorRoute, string AuditOperation, Wire Wire, bool Idempotent,
    Func<RouteFaultMatrix, int, MatrixCell> Arrange)
{
    /// <summary>Whether the request has a body (a DELETE of PowerClerk's has none).</summary>
    public bool SendsBody { get; init; } = true;

    /// <summary>Audit lines the change writes (an apstrata owner batch: one per login).</summary>
    public int AuditLines { get; init; } = 1;

    public override string ToString() => Name;

    /// <summary>Every mutating route of every service. A new route joins by adding a row; the completeness tests fail until it does.</summary>
    public static IReadOnlyList<MatrixRoute> All { get; } = new MatrixRoute[]
    {
        new("HDC create", "New-AuthToken", HdcRouteNames.CreateToken, "Create auth token", Wire.HdcJson, Idempotent: false, (m, timeout) =>
        {
            m.ConnectHdc(timeout);
            var before = m.Emulator.Hdc.Tokens.Count(t => t.UserId == 42);
            return new MatrixCell(() => m.Run(new NewAuthTokenCommand { UserId = 42, Context = ["ReadDocuments"] }),
                () => m.Emulator.Hdc.Tokens.Count(t => t.UserId == 42) > before);
        }),
        new("HDC update", "Set-AuthToken", HdcRouteNames.UpdateToken, "Set context", Wire.HdcJson, Idempotent: true, (m, timeout) =>
        {
            m.ConnectHdc(timeout);
            var token = m.Emulator.Hdc.AddToken(42, "ReadDocuments").Token;
            return new MatrixCell(() => m.Run(new SetAuthTokenCommand { Token = token, UserId = 42, Context = ["UploadDocuments"], PassThruPresent = true }),
                () => m.Emulator.Hdc.FindToken(token)?.Contexts.Select(c => c.Name).SequenceEqual(["UploadDocuments"]) == true);
        }),
        new("HDC remove", "Remove-AuthToken", HdcRouteNames.DeleteToken, "Remove auth token", Wire.HdcJson, Idempotent: true, (m, timeout) =>
        {
            m.ConnectHdc(timeout);
            var token = m.Emulator.Hdc.AddToken(42, "ReadDocuments").Token;
            return new MatrixCell(() => m.Run(new RemoveAuthTokenCommand { Token = [token], PassThruPresent = true }),
                () => m.Emulator.Hdc.FindToken(token) is null);
        }),
        new("SecurID delete", "Remove-SecurIdHardwareToken", SecurIdRouteNames.DeleteToken, "Delete hardware token", Wire.SecurIdJson, Idempotent: true, (m, timeout) =>
        {
            m.ConnectSecurId(timeout);
            const string serial = "000123456789";
            return new MatrixCell(() => m.Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = [serial], PassThruPresent = true }),
                () => m.Emulator.SecurId.Find(serial) is null);
        }),
        new("PowerClerk MST create", "New-MfaSessionToken", PowerClerkRouteNames.CreateSessionToken, "Create MFA session token", Wire.PowerClerkXml, Idempotent: false, (m, timeout) =>
        {
            m.ConnectPowerClerk(timeout);
            var before = m.Emulator.PowerClerk.SessionTokens.Select(t => t.TokenId).ToList();
            return new MatrixCell(() => m.Run(new NewMfaSessionTokenCommand { ExpiresAfterMinutes = 30 }),
                () => m.Emulator.PowerClerk.SessionTokens.Any(t => !before.Contains(t.TokenId)));
        }),
        new("PowerClerk MST delete", "Remove-MfaSessionToken", PowerClerkRouteNames.DeleteSessionToken, "Remove MFA session token", Wire.PowerClerkXml, Idempotent: true, (m, timeout) =>
        {
            m.ConnectPowerClerk(timeout);
            var id = m.Run(new NewMfaSessionTokenCommand { ExpiresAfterMinutes = 30 }).OutputOf<MfaSessionToken>().Single().TokenId;
            return new MatrixCell(() => m.Run(new RemoveMfaSessionTokenCommand { TokenId = [id], PassThruPresent = true }),
                () => m.Emulator.PowerClerk.SessionTokens.All(t => t.TokenId != id));
        }) { SendsBody = false },
        new("PowerClerk MST renewal", "Remove-MfaSessionToken", PowerClerkRouteNames.CreateSessionToken, "Renew MFA session token", Wire.PowerClerkXml, Idempotent: false, (m, timeout) =>
        {
            m.ConnectPowerClerk(timeout, renewalMinutes: 5);
            var first = m.Run(new NewMfaSessionTokenCommand { ExpiresAfterMinutes = 10 }).OutputOf<MfaSessionToken>().Single().TokenId;
            m.Clock.Advance(TimeSpan.FromMinutes(6)); // inside the renewal window: the next request renews first
            return new MatrixCell(() => m.Run(new RemoveMfaSessionTokenCommand { TokenId = ["NOSUCHTOKEN1"] }),
                () => m.Emulator.PowerClerk.SessionTokens.Any(t => t.TokenId != first))
            {
                // The removal of a token that does not exist fails either way: the renewal is the change under test.
                // Done when the removal got as far as the service's 404; failed with the renewal's error otherwise.
                Outcome = seam => seam.Errors.Concat(seam.Terminating is { } t ? [t] : []).FirstOrDefault() is { } error
                    && error.ErrorId != "MfaSessionTokenNotFound"
                    ? (false, error)
                    : (true, null),
            };
        }),
        new("apstrata generate", "New-ApstrataToken", ApstrataRouteNames.VerifyCredentials, "Create token", Wire.ApstrataJson, Idempotent: false, (m, timeout) =>
        {
            m.ConnectApstrataUser(timeout);
            var before = m.Emulator.Apstrata.Tokens.Count;
            return new MatrixCell(() => m.Run(new NewApstrataTokenCommand()), () => m.Emulator.Apstrata.Tokens.Count > before);
        }),
        new("apstrata renew", "New-ApstrataToken", ApstrataRouteNames.VerifyCredentials, "Renew token", Wire.ApstrataJson, Idempotent: false, (m, timeout) =>
        {
            var old = m.ConnectApstrataToken(timeout);
            return new MatrixCell(() => m.Run(new NewApstrataTokenCommand { RenewPresent = true }),
                () => m.Emulator.Apstrata.Tokens.Any(t => t.Value != old));
        }),
        new("apstrata self-delete", "Remove-ApstrataToken", ApstrataRouteNames.DeleteToken, "Remove token", Wire.ApstrataJson, Idempotent: true, (m, timeout) =>
        {
            var token = m.ConnectApstrataToken(timeout);
            return new MatrixCell(() => m.Run(new RemoveApstrataTokenCommand { PassThruPresent = true }),
                () => m.Emulator.Apstrata.Tokens.All(t => t.Value != token));
        }),
        new("apstrata owner delete", "Remove-ApstrataToken", ApstrataRouteNames.DeleteToken, "Remove tokens", Wire.ApstrataJson, Idempotent: true, (m, timeout) =>
        {
            m.Emulator.Apstrata.Generate(ApstrataDemo.UserLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
            m.Emulator.Apstrata.Generate(ApstrataDemo.OtherLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
            m.ConnectApstrataOwner(timeout);
            return new MatrixCell(() => m.Run(new RemoveApstrataTokenCommand { UserLogin = [ApstrataDemo.UserLogin, ApstrataDemo.OtherLogin], PassThruPresent = true }),
                () => m.Emulator.Apstrata.Tokens.Count == 0) { Results = 2 };
        }) { AuditLines = 2 },
    };

}

/// <summary>A prepared cell: what to run, and how to read from the emulator whether the change was made.</summary>
internal sealed class MatrixCell(Func<RecordingSeam> act, Func<bool> applied)
{
    public Func<RecordingSeam> Act { get; } = act;

    public Func<bool> Applied { get; } = applied;

    /// <summary>Result objects a done run writes.</summary>
    public int Results { get; init; } = 1;

    /// <summary>For a route whose change is not its command's own item (a renewal): how the run says it went.</summary>
    public Func<RecordingSeam, (bool Done, Runtime.CommandError? Error)>? Outcome { get; init; }
}
