namespace TokenAdmin.Emulator;

/// <summary>What an HDC caller may do. Admin includes everything Reader may do.</summary>
public enum HdcRole
{
    /// <summary>GET routes only; changes are refused with 403 ACCESS_DENIED.</summary>
    Reader,

    /// <summary>Every route.</summary>
    Admin,
}
