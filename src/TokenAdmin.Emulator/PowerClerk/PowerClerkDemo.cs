namespace TokenAdmin.Emulator;

/// <summary>The PowerClerk demo accounts: one with MFA (a TOTP seed the emulator prints) and one without.</summary>
public static class PowerClerkDemo
{
    public const string MfaUserName = "pc.mfa";
    public const string MfaPassword = "PowerClerk-Mfa-Passw0rd!";

    /// <summary>Base32, as an authenticator app would be given it.</summary>
    public const string MfaTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public const string PlainUserName = "pc.plain";
    public const string PlainPassword = "PowerClerk-Plain-Passw0rd!";

    public const string ApiKey = "pc-demo-api-key-6c1f0e9a4b7d42d8a3e5";

    /// <summary>[assume] Without ExpiresAfterMinutes an MST lives an hour.</summary>
    public const int DefaultExpiresAfterMinutes = 60;
}
