using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.Hdc;
using TokenAdmin.Items;
using TokenAdmin.Runtime;
using TokenAdmin.Tests.Fixtures;
using Xunit;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// One emulator on 127.0.0.1 (ephemeral port) and one session per test: its own connection store,
/// virtual clock (retries never sleep), and helpers to run the HDC cmdlets against it.
/// </summary>
public abstract class HdcTestContext : IAsyncLifetime
{
    internal EmulatorHost Emulator { get; private set; } = null!;

    internal ConnectionStore Store { get; } = new();

    /// <summary>This test's audit log setting (off unless a test sets it).</summary>
    internal TokenAdmin.Audit.AuditSettings Auditing { get; } = new();

    internal VirtualClock Clock { get; } = new();

    /// <summary>Every secret of the demo setup: none may appear in any output.</summary>
    internal static IReadOnlyList<string> DemoSecrets { get; } = new[]
    {
        DemoCredentials.HdcAdminPassword, DemoCredentials.HdcReaderPassword,
        DemoCredentials.HdcAdminAccessToken, DemoCredentials.HdcReaderAccessToken, DemoCredentials.ProxyPassword,
    };

    public virtual async Task InitializeAsync() => Emulator = await EmulatorHost.StartAsync(ConfigureEmulator(new EmulatorOptions()));

    public async Task DisposeAsync()
    {
        Store.Clear();
        await Emulator.DisposeAsync();
    }

    private protected virtual EmulatorOptions ConfigureEmulator(EmulatorOptions options) => options;

    /// <summary>All token values the emulator holds now (they are secrets too).</summary>
    internal IReadOnlyList<string> TokenValues => Emulator.Hdc.Tokens.Select(t => t.Token).ToList();

    internal ConnectAuthTokenServiceCommand ConnectCommand(RecordingSeam seam, string user = DemoCredentials.HdcAdminUserName,
        string password = DemoCredentials.HdcAdminPassword, Uri? baseUri = null)
    {
        var credential = new PSCredential(user, new SecureString());
        seam.Credentials[credential] = new NetworkCredential(user, password);
        return new ConnectAuthTokenServiceCommand
        {
            BaseUri = baseUri ?? Emulator.HdcBaseUri,
            Credential = credential,
            PassThruPresent = true,
            Clock = Clock,
        };
    }

    internal ConnectAuthTokenServiceCommand BearerConnectCommand(string accessToken = DemoCredentials.HdcAdminAccessToken) => new()
    {
        BaseUri = Emulator.HdcBaseUri,
        AccessToken = SecretText.Protect(accessToken),
        PassThruPresent = true,
        Clock = Clock,
    };

    /// <summary>Connects as the demo admin (Basic) and makes it the store's current HDC connection.</summary>
    internal HdcConnection Connect(string user = DemoCredentials.HdcAdminUserName, string password = DemoCredentials.HdcAdminPassword)
    {
        var seam = new RecordingSeam();
        Run(ConnectCommand(seam, user, password), seam: seam);
        Assert.Null(seam.Terminating);
        Assert.True(seam.Output.Count == 1, $"Connect wrote {seam.Output.Count} objects; errors: {string.Join("; ", seam.Errors.Select(e => e.DisplayMessage))}; verbose: {string.Join(" | ", seam.Verbose)}");
        return seam.OutputOf<HdcConnection>().Single();
    }

    internal RecordingSeam Run(TokenAdminCommand command, IEnumerable<Action>? records = null, RecordingSeam? seam = null, Action<int>? beforeRecord = null)
    {
        var result = CommandHarness.Invoke(command, Store, records, seam, beforeRecord, Auditing);
        Assert.Empty(result.OffThreadCalls);
        return result;
    }

    /// <summary>Runs a command with -WhatIf.</summary>
    internal RecordingSeam WhatIf(TokenAdminCommand command, IEnumerable<Action>? records = null) =>
        Run(command, records, new RecordingSeam { WhatIfMode = true });

    internal static void AssertNoSecrets(RecordingSeam seam, IEnumerable<string> secrets)
    {
        var text = seam.AllText();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
