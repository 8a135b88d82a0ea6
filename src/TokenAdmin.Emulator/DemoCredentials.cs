namespace TokenAdmin.Emulator;

/// <summary>
/// The emulator's built-in demo secrets. They are public on purpose (this is a demo tool);
/// tests use them as needles to prove the client never writes a secret anywhere.
/// </summary>
public static class DemoCredentials
{
    public const string HdcAdminUserName = "demo.admin";
    public const string HdcAdminPassword = "Hdc-Demo-Passw0rd!";
    public const string HdcReaderUserName = "demo.reader";
    public const string HdcReaderPassword = "Hdc-Reader-Passw0rd!";
    public const string HdcAdminAccessToken = "HdcAdm-70aa2e925ff653811de5e71597df609f6667c97f1a23cdc9";
    public const string HdcReaderAccessToken = "HdcRdr-ff674748a68c04d6f90c5775037fae45edc4e5f8b5575b2b";

    /// <summary>
    /// accessIDs of the SecurID demo API keys. Not secrets (the JWT names them in sub); the
    /// private keys are generated per process, see <see cref="SecurIdDemoKey"/>.
    /// </summary>
    public const string SecurIdSuperAdministratorAccessId = "6f1c2a9e-3b7d-4d58-9e41-0a2b7c5d8e13";
    public const string SecurIdHelpDeskAdministratorAccessId = "b4d8e2f1-7a3c-4e96-8b05-c1d2e3f4a5b6";

    /// <summary>Credentials the forward proxy demands when proxy mode uses its defaults.</summary>
    public const string ProxyUserName = "proxy.user";
    public const string ProxyPassword = "Proxy-Demo-Passw0rd!";
}
