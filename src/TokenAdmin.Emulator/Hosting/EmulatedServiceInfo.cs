using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>A service as the admin endpoint and the console banner show it.</summary>
internal sealed record EmulatedServiceInfo(
    string Key,
    string DisplayName,
    string BaseUrl,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> AuthSchemes,
    IReadOnlyList<DemoCredentialInfo> Credentials);

/// <summary>One way to sign in, e.g. role "admin", scheme "Basic", values userName and password.</summary>
internal sealed record DemoCredentialInfo(string Role, string Scheme, IReadOnlyDictionary<string, string> Values);
