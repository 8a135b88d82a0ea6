using System;
using System.Collections.Generic;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Core.Apstrata;

/// <summary>One apstrata call: its action and its own parameters (sent in the form body, signed with the rest).</summary>
public sealed record ApstrataCall(string Action, IReadOnlyList<KeyValuePair<string, string>> BodyParameters) : IAuthenticationHint;
