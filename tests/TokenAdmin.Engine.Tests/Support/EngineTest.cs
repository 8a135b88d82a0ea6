using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using Xunit;

namespace TokenAdmin.Engine.Tests.Support;

/// <summary>
/// One emulator on 127.0.0.1 (ephemeral port) and one runspace with the built module per test.
/// Connections are process-wide in TokenAdmin, so the assembly runs its tests one at a time
/// (xunit.runner.json) and every test ends disconnected.
/// </summary>
public abstract class EngineTest : IAsyncLifetime
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "TokenAdmin.Engine." + Guid.NewGuid().ToString("N"));

    internal EmulatorHost Emulator { get; private set; } = null!;

    internal ModuleShell Shell { get; private set; } = null!;

    /// <summary>A folder of this test's own, deleted afterwards.</summary>
    internal string Scratch => Directory.CreateDirectory(_scratch).FullName;

    public virtual async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(ConfigureEmulator(new EmulatorOptions()));
        Shell = new ModuleShell();
        Shell.SetVariable("HdcUri", Emulator.HdcBaseUri);
    }

    public async Task DisposeAsync()
    {
        Shell.Run("Disconnect-TokenAdmin");
        Shell.Dispose();
        await Emulator.DisposeAsync();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private protected virtual EmulatorOptions ConfigureEmulator(EmulatorOptions options) => options;

    /// <summary>Connect-AuthTokenService as the demo admin (Basic), with any extra parameters.</summary>
    internal ShellResult ConnectHdc(string extra = "") => Shell.RunClean($$"""
        $credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
        Connect-AuthTokenService -BaseUri $HdcUri -Credential $credential {{extra}}
        """, DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword);

    /// <summary>A freshly written demo key file of the given role, in this test's scratch folder.</summary>
    internal string SecurIdKeyFile(bool superAdministrator = true)
    {
        var files = Emulator.WriteSecurIdKeyFiles(Path.Combine(Scratch, "keys"));
        return files.Single(f => Path.GetFileName(f).Contains(superAdministrator ? "super" : "help", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Connect-SecurIdAdmin with a freshly written demo key file of the given role.</summary>
    internal ShellResult ConnectSecurId(bool superAdministrator = true, string extra = "") =>
        Shell.RunClean($"Connect-SecurIdAdmin -KeyFile $args[0] {extra}", SecurIdKeyFile(superAdministrator));

    /// <summary>Connect-PowerClerk as the demo MFA user, with its API key and TOTP seed.</summary>
    internal ShellResult ConnectPowerClerk(string extra = "") => Shell.RunClean($$"""
        $credential = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))
        Connect-PowerClerk -BaseUri $args[2] -Credential $credential -ApiKey (ConvertTo-SecureString $args[3] -AsPlainText -Force) -TotpSecret (ConvertTo-SecureString $args[4] -AsPlainText -Force) {{extra}}
        """, PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword, Emulator.PowerClerkBaseUri, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret);

    /// <summary>A token of the demo apstrata user, made by the emulator, and a token connection with it; returns the token.</summary>
    internal string ConnectApstrataToken()
    {
        var token = Emulator.Apstrata.Generate(ApstrataDemo.UserLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)).Value;
        Shell.RunClean("Connect-Apstrata -AuthKey $args[0] -BaseUri $args[1] -User $args[2] -Token (ConvertTo-SecureString $args[3] -AsPlainText -Force)",
            ApstrataDemo.AuthKey, Emulator.ApstrataBaseUri, ApstrataDemo.UserLogin, token);
        return token;
    }

    /// <summary>Every secret of the run: demo passwords and access tokens, token values, private key lines.</summary>
    internal IReadOnlyList<string> Secrets()
    {
        var secrets = new List<string>
        {
            DemoCredentials.HdcAdminPassword, DemoCredentials.HdcReaderPassword,
            DemoCredentials.HdcAdminAccessToken, DemoCredentials.HdcReaderAccessToken, DemoCredentials.ProxyPassword,
        };
        secrets.AddRange(Emulator.Hdc.Tokens.Select(t => t.Token));
        foreach (var key in SecurIdDemoKey.All)
        {
            secrets.AddRange(key.PrivateKeyPem.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 20 && !l.StartsWith("-----", StringComparison.Ordinal))
                .Select(l => l[..20]));
        }

        return secrets;
    }

    internal void AssertNoSecret(string text, IEnumerable<string>? secrets = null)
    {
        foreach (var secret in secrets ?? Secrets())
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret ({secret[..Math.Min(6, secret.Length)]}…) appears in:\n{text}");
        }
    }
}
