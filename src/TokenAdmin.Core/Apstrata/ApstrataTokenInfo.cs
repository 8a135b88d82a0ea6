using System;
using System.Security;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

/// <summary>A user token as VerifyCredentials made it. <see cref="Token"/> is the secret.</summary>
public sealed record ApstrataTokenInfo(string User, SecureString Token, DateTimeOffset? ExpiresAt, DateTimeOffset? LifetimeEndsAt);
