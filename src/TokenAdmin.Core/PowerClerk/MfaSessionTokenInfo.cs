using System;
using System.Security;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>An MFA session token as the service created it. <see cref="Token"/> is the secret.</summary>
public sealed record MfaSessionTokenInfo(string TokenId, SecureString Token, DateTimeOffset? ExpiresAt);
