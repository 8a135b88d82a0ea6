using System;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.SecurId;

/// <summary>The role an API key belongs to; it decides what the key may do.</summary>
public enum SecurIdKeyRole
{
    Unknown,
    SuperAdministrator,
    HelpDeskAdministrator,
}
