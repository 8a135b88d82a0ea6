using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TokenAdmin.Apstrata;
using TokenAdmin.Commands;
using TokenAdmin.Core.Apstrata;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.PowerClerk;
using TokenAdmin.Emulator;
using TokenAdmin.Hdc;
using TokenAdmin.Items;
using TokenAdmin.PowerClerk;
using TokenAdmin.Runtime;
using TokenAdmin.SecurId;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Matrix;

/// <summary>
/// Every mutating route of every service (<see cref="MatrixRoute.All"/>) against every fault
/// (<see cref="MatrixFault.All"/>), on virtual time (Retry-After and backoff never sleep). Each cell
/// asserts three things: the outcome the user is told (done, failed with its error, or failed with
/// OutcomeUnknown) is what the emulator actually did; the audit line says the same; and no secret of
/// the connection, in any form a hostile service may echo it, is in any stream, error record (every
/// property of its exception) or the audit file. The rendering by the real engine (Get-Error, a
/// transcript) is the engine matrix's: tests/TokenAdmin.Engine.Tests/Matrix.
/// </summary>
public abstract class RouteFaultMatrix : HdcTestContext, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenadmin-matrix-").FullName;
    private readonly List<string> _dynamicSecrets = new();
    private byte[]? _totpSeed;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The emulator checks JWTs, TOTP codes, MST expiry and signature times on the client's virtual time.
    private protected override EmulatorOptions ConfigureEmulator(EmulatorOptions options)
    {
        options.TimeProvider = Clock;
        return options;
    }

    internal static IEnumerable<object[]> CellsOf(string routePrefix) =>
        from route in MatrixRoute.All
        where route.Name.StartsWith(routePrefix, StringComparison.Ordinal)
        from fault in MatrixFault.All
        where fault.AppliesTo(route)
        select new object[] { route.Name, fault.Name };

    private protected void RunCell(string routeName, string faultName)
    {
        var route = MatrixRoute.All.Single(r => r.Name == routeName);
        var fault = MatrixFault.All.Single(f => f.Name == faultName);
        var cell = route.Arrange(this, fault.TimeoutSec);
        CollectDynamicSecrets();
        var auditPath = Path.Combine(_directory, "audit.jsonl");
        Auditing.Set(new AuditLogFile(auditPath), includeWhatIf: false);
        Emulator.Faults.Enqueue(route.EmulatorRoute, fault.Steps(route));
        var startedAt = Clock.UtcNow;

        var seam = cell.Act();

        Auditing.Disable();
        CollectDynamicSecrets();
        var expected = fault.Expect(route);
        var (done, error) = cell.Outcome?.Invoke(seam) ?? (seam.Errors.Count == 0 && seam.Terminating is null && seam.Output.Count >= cell.Results,
            seam.Errors.Concat(seam.Terminating is { } t ? [t] : []).FirstOrDefault());
        var unknown = error?.Exception is Core.Http.ServiceException { OutcomeUnknown: true };
        var reported = done ? Expected.Done : unknown ? Expected.Unknown : Expected.Failed;
        var applied = cell.Applied();
        var said = $"{route} x {fault}: reported {reported} ({error?.ErrorId}: {error?.DisplayMessage}), the emulator {(applied ? "made" : "did not make")} the change";

        // 1. What the user is told is what happened.
        Assert.True(expected == reported, $"{said}; expected {expected}.");
        Assert.True(!done || applied, $"{said}: a success that did not happen.");
        Assert.True(done || unknown || !applied, $"{said}: a failure that happened.");
        Assert.True((fault.Applied?.Invoke(route) ?? expected == Expected.Done) == applied, $"{said}; the fault should {(fault.Applied?.Invoke(route) ?? expected == Expected.Done ? "" : "not ")}let it through.");
        Assert.True(done || error is not null, $"{said}, with no error.");
        if (fault.RetryAfter is { } wait)
        {
            Assert.True(Clock.UtcNow - startedAt >= wait, $"{said}: retried {Clock.UtcNow - startedAt} after a Retry-After of {wait}.");
        }

        // 2. The audit line says the same.
        var lines = File.Exists(auditPath) ? File.ReadAllLines(auditPath).Select(l => JsonDocument.Parse(l).RootElement).ToList() : [];
        var change = lines.Where(l => l.GetProperty("operation").GetString()!.StartsWith(route.AuditOperation, StringComparison.Ordinal)).ToList();
        Assert.True(route.AuditLines == change.Count, $"{said}; audit lines: {string.Join(" | ", lines.Select(l => l.ToString()))}");
        var outcome = reported switch { Expected.Done => AuditOutcome.Done, Expected.Unknown => AuditOutcome.Unknown, _ => AuditOutcome.Failed };
        foreach (var line in change)
        {
            Assert.True(outcome == line.GetProperty("outcome").GetString(), $"{said}; audit: {line}");
            Assert.Equal(error?.ErrorId, line.TryGetProperty("errorId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
            if (fault.RetryAfter is not null)
            {
                Assert.Equal(2, line.GetProperty("attempts").GetInt32());
            }
        }

        // 3. No secret, in any form, anywhere the user or a log could see.
        var text = seam.AllText() + "\n" + string.Join("\n", seam.Errors.Append(seam.Terminating).Where(e => e is not null).Select(e => PublicProperties(e!.PublicException())))
            + "\n" + (File.Exists(auditPath) ? File.ReadAllText(auditPath) : string.Empty);
        AssertNoSecret(text, said);
    }

    internal RecordingSeam Run(TokenAdminCommand command) => Run(command, seam: null);

    internal void ConnectHdc(int timeoutSec)
    {
        var seam = new RecordingSeam();
        var command = ConnectCommand(seam);
        command.TimeoutSec = timeoutSec;
        RunConnect(command, seam);
    }

    internal void ConnectSecurId(int timeoutSec)
    {
        var key = Emulator.WriteSecurIdKeyFiles(Path.Combine(_directory, "keys")).Single(p => p.EndsWith("securid-super-admin.json", StringComparison.Ordinal));
        RunConnect(new ConnectSecurIdAdminCommand { KeyFile = key, TimeoutSec = timeoutSec, Clock = Clock });
    }

    internal void ConnectPowerClerk(int timeoutSec, int renewalMinutes = 0)
    {
        var seam = new RecordingSeam();
        var credential = new PSCredential(PowerClerkDemo.MfaUserName, new SecureString());
        seam.Credentials[credential] = new NetworkCredential(PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword);
        _totpSeed = Totp.DecodeBase32(PowerClerkDemo.MfaTotpSecret);
        RunConnect(new ConnectPowerClerkCommand
        {
            BaseUri = Emulator.PowerClerkBaseUri,
            Credential = credential,
            ApiKey = SecretText.Protect(PowerClerkDemo.ApiKey),
            TotpSecret = SecretText.Protect(PowerClerkDemo.MfaTotpSecret),
            SessionTokenRenewalMinutes = renewalMinutes,
            TimeoutSec = timeoutSec,
            Clock = Clock,
        }, seam);
    }

    internal void ConnectApstrataUser(int timeoutSec)
    {
        var seam = new RecordingSeam();
        var credential = new PSCredential(ApstrataDemo.UserLogin, new SecureString());
        seam.Credentials[credential] = new NetworkCredential(ApstrataDemo.UserLogin, ApstrataDemo.UserPassword);
        RunConnect(new ConnectApstrataCommand { AuthKey = ApstrataDemo.AuthKey, BaseUri = Emulator.ApstrataBaseUri, Credential = credential, TimeoutSec = timeoutSec, Clock = Clock }, seam);
    }

    internal void ConnectApstrataOwner(int timeoutSec) =>
        RunConnect(new ConnectApstrataCommand { AuthKey = ApstrataDemo.AuthKey, BaseUri = Emulator.ApstrataBaseUri, Secret = SecretText.Protect(ApstrataDemo.OwnerSecret), TimeoutSec = timeoutSec, Clock = Clock });

    /// <summary>A token of the demo user, made by the emulator itself, and a token connection with it; returns the token.</summary>
    internal string ConnectApstrataToken(int timeoutSec)
    {
        var token = Emulator.Apstrata.Generate(ApstrataDemo.UserLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)).Value;
        RunConnect(new ConnectApstrataCommand
        {
            AuthKey = ApstrataDemo.AuthKey, BaseUri = Emulator.ApstrataBaseUri, User = ApstrataDemo.UserLogin, Token = SecretText.Protect(token), TimeoutSec = timeoutSec, Clock = Clock,
        });
        return token;
    }

    private void RunConnect(TokenAdminCommand command, RecordingSeam? seam = null)
    {
        var result = Run(command, seam: seam ?? new RecordingSeam());
        Assert.True(result.Terminating is null && result.Errors.Count == 0, $"Connect failed: {result.Terminating?.DisplayMessage}{string.Join("; ", result.Errors.Select(e => e.DisplayMessage))}");
    }

    /// <summary>Secrets made while the cell runs: token values, MSTs, apstrata tokens (before and after it).</summary>
    private void CollectDynamicSecrets()
    {
        _dynamicSecrets.AddRange(Emulator.Hdc.Tokens.Select(t => t.Token));
        _dynamicSecrets.AddRange(Emulator.PowerClerk.SessionTokens.Select(t => t.Token));
        _dynamicSecrets.AddRange(Emulator.Apstrata.Tokens.Select(t => t.Value));
    }

    private IEnumerable<string> Secrets()
    {
        var basic = (string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        var secrets = new List<string>(DemoSecrets)
        {
            basic(DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword),
            PowerClerkDemo.MfaPassword, PowerClerkDemo.PlainPassword, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret,
            basic(PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword),
            ApstrataDemo.OwnerSecret, ApstrataDemo.UserPassword, ApstrataDemo.OtherPassword, ApstrataSignature.UserKey(ApstrataDemo.UserPassword),
        };
        secrets.AddRange(SecurIdDemoKey.All.SelectMany(k => SecurId.TestKeys.KeyMaterialFragments(k.PrivateKeyPem)));
        secrets.AddRange(_dynamicSecrets);
        if (_totpSeed is { } seed)
        {
            // Every one-time code the cell's virtual time span could have sent.
            for (var step = Totp.StepOf(Clock.UtcNow) - 40; step <= Totp.StepOf(Clock.UtcNow) + 1; step++)
            {
                secrets.Add(Totp.Code(seed, step));
            }
        }

        return secrets.Distinct();
    }

    /// <summary>JWTs (made per request) begin "eyJ"; apstrata signatures are upper-case hex of 32 or 40 digits.</summary>
    private static readonly Regex MadePerRequest = new(@"eyJ[A-Za-z0-9_-]{10,}|(?<![0-9A-Fa-f])(?=[0-9A-F]*[A-F])(?=[0-9A-F]*[0-9])[0-9A-F]{32,40}(?![0-9A-Fa-f])", RegexOptions.CultureInvariant);

    private void AssertNoSecret(string text, string said)
    {
        foreach (var secret in Secrets())
        {
            foreach (var form in Forms(secret))
            {
                var comparison = form.Equals(secret, StringComparison.Ordinal) || !IsBase64(form, secret) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                Assert.False(text.Contains(form, comparison), $"{said}: a secret ({secret[..Math.Min(4, secret.Length)]}…, as '{form[..Math.Min(6, form.Length)]}…') is shown:\n{text}");
            }
        }

        Assert.False(MadePerRequest.IsMatch(text), $"{said}: a JWT or signature ({MadePerRequest.Match(text).Value}) is shown:\n{text}");
    }

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return WebUtility.HtmlEncode(secret);
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
    }

    private static bool IsBase64(string form, string secret) => form == Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');

    /// <summary>Every public property of the exception a script catches, as Get-Error lists them (the engine matrix renders Get-Error itself).</summary>
    private static string PublicProperties(Exception exception) => string.Join("\n",
        exception.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name is not nameof(Exception.TargetSite))
            .Select(p => $"{p.Name}: {Render(p.GetValue(exception))}"));

    private static string Render(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Render)),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>Every route and fault has a cell, and every route the module sends has a row.</summary>
public sealed class RouteFaultMatrixCompletenessTests
{
    [Fact]
    public void Every_state_changing_cmdlet_of_a_service_has_a_row()
    {
        var changing = typeof(RemoveAuthTokenCommand).Assembly.GetExportedTypes()
            .Select(t => t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(CmdletAttribute)))
            .Where(a => a is not null && a.NamedArguments.Any(n => n.MemberName == "SupportsShouldProcess" && (bool)n.TypedValue.Value!))
            .Select(a => $"{a!.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}")
            .Except(MatrixScope.LocalCommands)
            .ToList();
        Assert.NotEmpty(changing);
        Assert.Empty(changing.Except(MatrixRoute.All.Select(r => r.Command)));
    }

    [Fact]
    public void Every_emulator_route_is_a_row_or_named_as_no_change()
    {
        var covered = MatrixRoute.All.Select(r => r.EmulatorRoute).Concat(MatrixScope.NotChanges.Keys).ToHashSet();
        Assert.All(EmulatorHost.RouteNames, r => Assert.Contains(r, covered));
        Assert.Empty(covered.Except(EmulatorHost.RouteNames));
    }

    [Fact]
    public void Every_route_meets_every_fault()
    {
        var cells = new[] { "HDC", "SecurID", "PowerClerk", "apstrata" }.SelectMany(RouteFaultMatrix.CellsOf).Select(c => $"{c[0]}|{c[1]}").ToHashSet();
        foreach (var route in MatrixRoute.All)
        {
            foreach (var fault in MatrixFault.All.Where(f => f.AppliesTo(route)))
            {
                Assert.Contains($"{route.Name}|{fault.Name}", cells);
            }
        }
    }
}

public sealed class HdcRouteFaultMatrix : RouteFaultMatrix
{
    public static IEnumerable<object[]> Cells => CellsOf("HDC");

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cell(string route, string fault) => RunCell(route, fault);
}

public sealed class SecurIdRouteFaultMatrix : RouteFaultMatrix
{
    public static IEnumerable<object[]> Cells => CellsOf("SecurID");

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cell(string route, string fault) => RunCell(route, fault);
}

public sealed class PowerClerkRouteFaultMatrix : RouteFaultMatrix
{
    public static IEnumerable<object[]> Cells => CellsOf("PowerClerk");

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cell(string route, string fault) => RunCell(route, fault);
}

public sealed class ApstrataRouteFaultMatrix : RouteFaultMatrix
{
    public static IEnumerable<object[]> Cells => CellsOf("apstrata");

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cell(string route, string fault) => RunCell(route, fault);
}
