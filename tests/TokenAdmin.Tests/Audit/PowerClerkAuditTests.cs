using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text.Json;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.PowerClerk;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Audit;

/// <summary>The MST a PowerClerk connection renews by itself is audited, as a line of the command it happened in.</summary>
public sealed class PowerClerkAuditTests : HdcTestContext, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenadmin-audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The emulator checks TOTP codes and MST expiry on the same virtual time as the client.
    private protected override EmulatorOptions ConfigureEmulator(EmulatorOptions options)
    {
        options.TimeProvider = Clock;
        return options;
    }

    [Fact]
    public void A_renewal_during_a_removal_is_its_own_line_before_the_removal()
    {
        var seam = new RecordingSeam();
        var credential = new PSCredential(PowerClerkDemo.MfaUserName, new SecureString());
        seam.Credentials[credential] = new NetworkCredential(PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword);
        Run(new ConnectPowerClerkCommand
        {
            BaseUri = Emulator.PowerClerkBaseUri,
            Credential = credential,
            ApiKey = SecretText.Protect(PowerClerkDemo.ApiKey),
            TotpSecret = SecretText.Protect(PowerClerkDemo.MfaTotpSecret),
            SessionTokenRenewalMinutes = 5,
            Clock = Clock,
        }, seam: seam);
        Assert.Null(seam.Terminating);
        var path = Path.Combine(_directory, "audit.jsonl");
        Auditing.Set(new AuditLogFile(path), includeWhatIf: false);
        var first = Run(new NewMfaSessionTokenCommand { ExpiresAfterMinutes = 10 }).OutputOf<MfaSessionToken>().Single();

        Clock.Advance(TimeSpan.FromMinutes(6)); // inside the 5-minute renewal window, and a new TOTP step
        Run(new RemoveMfaSessionTokenCommand { TokenId = ["NOSUCHTOKEN1"] });

        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var renewed = Assert.Single(Emulator.PowerClerk.SessionTokens);
        Assert.Equal(
            [$"New-MfaSessionToken|{first.TokenId}|done", $"Remove-MfaSessionToken|{renewed.TokenId}|done", "Remove-MfaSessionToken|NOSUCHTOKEN1|failed"],
            lines.Select(l => $"{l.GetProperty("command").GetString()}|{l.GetProperty("target").GetString()}|{l.GetProperty("outcome").GetString()}"));
        Assert.Equal("Renew MFA session token", lines[1].GetProperty("operation").GetString());
        Assert.Equal(1, lines[1].GetProperty("attempts").GetInt32());
        Assert.Equal(PowerClerkDemo.MfaUserName, lines[1].GetProperty("owner").GetString());
        var text = File.ReadAllText(path);
        Assert.DoesNotContain(PowerClerkDemo.MfaPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PowerClerkDemo.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PowerClerkDemo.MfaTotpSecret, text, StringComparison.Ordinal);
    }
}
