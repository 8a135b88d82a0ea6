namespace TokenAdmin.Emulator;

/// <summary>Forward-proxy mode: the Basic credentials a client must send in Proxy-Authorization.</summary>
public sealed class ProxyOptions
{
    public string UserName { get; set; } = DemoCredentials.ProxyUserName;

    public string Password { get; set; } = DemoCredentials.ProxyPassword;

    public override string ToString() => $"ProxyOptions {{ UserName = {UserName} }}";
}
