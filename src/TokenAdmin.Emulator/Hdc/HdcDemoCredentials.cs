namespace TokenAdmin.Emulator;

/// <summary>HDC's demo users and access tokens (public on purpose).</summary>
public static partial class DemoCredentials
{
    public const string HdcAdminUserName = "demo.admin";
    public const string HdcAdminPassword = "Hdc-Demo-Passw0rd!";
    public const string HdcReaderUserName = "demo.reader";
    public const string HdcReaderPassword = "Hdc-Reader-Passw0rd!";
    public const string HdcAdminAccessToken = "HdcAdm-70aa2e925ff653811de5e71597df609f6667c97f1a23cdc9";
    public const string HdcReaderAccessToken = "HdcRdr-ff674748a68c04d6f90c5775037fae45edc4e5f8b5575b2b";
}
