using System;
using System.Collections.Generic;

namespace TokenAdmin.Core.Hdc;

/// <summary>One token as the service lists it (TokenInfoTO).</summary>
public sealed record HdcTokenInfo(long UserId, string? UserFullName, IReadOnlyList<HdcContext> Contexts, string Token, DateTimeOffset? LastUpdate)
{
    /// <summary>No token value here: records are logged in tests and may be printed while debugging.</summary>
    public override string ToString() => $"HdcTokenInfo {{ UserId = {UserId}, Contexts = {string.Join(",", Contexts)} }}";
}
