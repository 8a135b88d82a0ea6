using TokenAdmin.Audit;
using TokenAdmin.Runtime;

namespace TokenAdmin.Items;

/// <summary>
/// How one item of a Remove-* is named: <see cref="Prompt"/> in -Confirm and -WhatIf, <see cref="Change"/>
/// in its audit line, <see cref="ErrorTarget"/> as its error's TargetObject, and <see cref="Name"/>
/// (safe to echo) in a message about a request that carried several items.
/// </summary>
internal sealed record ItemDescription(string Prompt, AuditTarget Change, object ErrorTarget, string Name);
