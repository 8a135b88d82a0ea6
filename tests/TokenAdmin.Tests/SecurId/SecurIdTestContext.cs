using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Emulator;
using TokenAdmin.Items;
using TokenAdmin.Runtime;
using TokenAdmin.SecurId;
using TokenAdmin.Tests.Fixtures;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.SecurId;

/// <summary>
/// One emulator and one session per test, client and emulator on the same virtual clock (JWT times
/// agree; retries never sleep), with the emulator's demo key files written to a private folder.
/// </summary>
public abstract class SecurIdTestContext : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("tokenadmin-securid-").FullName;

    internal EmulatorHost Emulator { get; private set; } = null!;

    internal ConnectionStore Store { get; } = new();

    /// <summary>This test's audit log setting (off unless a test sets it).</summary>
    internal TokenAdmin.Audit.AuditSettings Auditing { get; } = new();

    internal VirtualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    internal string SuperAdminKeyFile { get; private set; } = null!;

    internal string HelpDeskKeyFile { get; private set; } = null!;

    /// <summary>Fragments of both demo private keys: none may appear in any output.</summary>
    internal static IReadOnlyList<string> KeyMaterial { get; } = SecurIdDemoKey.All.SelectMany(k => TestKeys.KeyMaterialFragments(k.PrivateKeyPem)).ToList();

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = Clock });
        var paths = Emulator.WriteSecurIdKeyFiles(_keyDirectory);
        SuperAdminKeyFile = paths.Single(p => p.EndsWith("securid-super-admin.json", StringComparison.Ordinal));
        HelpDeskKeyFile = paths.Single(p => p.EndsWith("securid-help-desk.json", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        Store.Clear();
        await Emulator.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    internal ConnectSecurIdAdminCommand KeyFileConnect(string? keyFile = null) =>
        new() { KeyFile = keyFile ?? SuperAdminKeyFile, PassThruPresent = true, Clock = Clock };

    internal ConnectSecurIdAdminCommand ValuesConnect(SecurIdDemoKey key) => new()
    {
        AccessId = key.AccessId,
        AccessKey = SecretText.Protect(key.PrivateKeyPem),
        AdminRestApiUrl = new Uri(Emulator.SecurIdAdminRestApiUrl),
        PassThruPresent = true,
        Clock = Clock,
    };

    internal SecurIdConnection Connect(string? keyFile = null, int maximumRetryCount = 4)
    {
        var command = KeyFileConnect(keyFile);
        command.MaximumRetryCount = maximumRetryCount;
        var seam = Run(command);
        Assert.Null(seam.Terminating);
        return seam.OutputOf<SecurIdConnection>().Single();
    }

    internal RecordingSeam Run(TokenAdminCommand command, IEnumerable<Action>? records = null, RecordingSeam? seam = null)
    {
        var result = CommandHarness.Invoke(command, Store, records, seam, auditing: Auditing);
        Assert.Empty(result.OffThreadCalls);
        return result;
    }

    internal RecordingSeam WhatIf(TokenAdminCommand command, IEnumerable<Action>? records = null) =>
        Run(command, records, new RecordingSeam { WhatIfMode = true });

    /// <summary>No private key fragment and no JWT (every JWT starts with the base64url of '{"').</summary>
    internal static void AssertNoKeyOrJwt(RecordingSeam seam)
    {
        var text = seam.AllText();
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        foreach (var fragment in KeyMaterial)
        {
            Assert.DoesNotContain(fragment, text, StringComparison.Ordinal);
        }
    }
}
