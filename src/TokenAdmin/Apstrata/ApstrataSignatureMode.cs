namespace TokenAdmin;

/// <summary>
/// How apstrata requests are signed (Connect-Apstrata -SignatureMode). Declared here, not taken from
/// the engine, because the engine loads in a private context where PowerShell cannot see its types.
/// </summary>
public enum ApstrataSignatureMode
{
    /// <summary>HMAC-SHA1 over the sorted, encoded parameters (the service's default).</summary>
    Complex,

    /// <summary>MD5 of time, key or login, action and secret.</summary>
    Simple,
}
