namespace TokenAdmin.Emulator;

/// <summary>The administrator role an API key belongs to (SERVICES.md §3).</summary>
public enum SecurIdRole
{
    /// <summary>May look up, assign, unassign, enable and disable tokens, but not delete them.</summary>
    HelpDeskAdministrator,

    /// <summary>Every route, including deleting hardware tokens.</summary>
    SuperAdministrator,
}
