using System;
using System.Net.Http.Headers;
using System.Text;

namespace TokenAdmin.Emulator.Tests;

/// <summary>Authorization headers for the demo accounts.</summary>
internal static class Auth
{
    public static AuthenticationHeaderValue AdminBasic { get; } = Basic(DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword);

    public static AuthenticationHeaderValue ReaderBasic { get; } = Basic(DemoCredentials.HdcReaderUserName, DemoCredentials.HdcReaderPassword);

    public static AuthenticationHeaderValue AdminBearer { get; } = new("Bearer", DemoCredentials.HdcAdminAccessToken);

    public static AuthenticationHeaderValue ReaderBearer { get; } = new("Bearer", DemoCredentials.HdcReaderAccessToken);

    public static AuthenticationHeaderValue Basic(string userName, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
}
