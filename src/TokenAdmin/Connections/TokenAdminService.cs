namespace TokenAdmin;

/// <summary>The services TokenAdmin administers (one current connection each).</summary>
public enum TokenAdminService
{
    /// <summary>bim.cloud "HDC" integration tokens (Connect-AuthTokenService).</summary>
    Hdc,
}
