using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>A service as the admin endpoint and the console banner show it.</summary>
/// <param name="BaseUrl">The URL a client is given (HDC: the tenant base URL; SecurID: the adminRestApiUrl).</param>
/// <param name="HttpsBaseUrl">The same over HTTPS; null without HTTPS.</param>
internal sealed record EmulatedServiceInfo(
    string Key,
    string DisplayName,
    string BaseUrl,
    string? HttpsBaseUrl,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> AuthSchemes,
    IReadOnlyList<DemoCredentialInfo> Credentials);

/// <summary>
/// One way to sign in, e.g. role "admin", scheme "Basic", values userName and password; or role
/// "Super Administrator", scheme "JWT", values keyFile and accessId. Values are shown in order.
/// </summary>
internal sealed record DemoCredentialInfo(string Role, string Scheme, IReadOnlyDictionary<string, string> Values);
