namespace TokenAdmin.Emulator;

/// <summary>
/// The emulator's built-in demo secrets. They are public on purpose (this is a demo tool);
/// tests use them as needles to prove the client never writes a secret anywhere. Each service
/// declares its own part in its folder; this part holds the host's (the forward proxy's).
/// </summary>
public static partial class DemoCredentials
{
    /// <summary>Credentials the forward proxy demands when proxy mode uses its defaults.</summary>
    public const string ProxyUserName = "proxy.user";
    public const string ProxyPassword = "Proxy-Demo-Passw0rd!";
}
