namespace TokenAdmin.Emulator;

/// <summary>The apstrata demo account (public on purpose): its auth key, owner secret and two users.</summary>
public static class ApstrataDemo
{
    public const string AuthKey = "DEMOKEY01";
    public const string OwnerSecret = "Apstrata-Owner-S3cret!";
    public const string UserLogin = "amy@example.com";
    public const string UserPassword = "Amy-Passw0rd!";
    public const string OtherLogin = "bob";
    public const string OtherPassword = "Bob-Passw0rd!";

    /// <summary>[assume] How far apsws.time may be from the emulator's clock.</summary>
    public static readonly System.TimeSpan AllowedSkew = System.TimeSpan.FromMinutes(15);
}

/// <summary>apstrata's options: whether failures arrive with HTTP 200 (the docs say they may).</summary>
public sealed class ApstrataOptions
{
    public bool FailuresWithStatus200 { get; set; }
}
