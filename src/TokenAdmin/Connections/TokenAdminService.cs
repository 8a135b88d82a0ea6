namespace TokenAdmin;

/// <summary>The services TokenAdmin administers (one current connection each).</summary>
public enum TokenAdminService
{
    /// <summary>bim.cloud "HDC" integration tokens (Connect-AuthTokenService).</summary>
    Hdc,

    /// <summary>RSA SecurID Cloud Authentication Service hardware tokens (Connect-SecurIdAdmin).</summary>
    SecurId,

    /// <summary>PowerClerk MFA session tokens (Connect-PowerClerk).</summary>
    PowerClerk,

    /// <summary>apstrata user tokens (Connect-Apstrata).</summary>
    Apstrata,
}
