using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>
/// Who may call the emulated HDC API. SERVICES.md §4 leaves authentication unpublished, so the
/// emulator accepts exactly what TokenAdmin assumes: HTTP Basic and/or Bearer access tokens.
/// </summary>
public sealed class HdcOptions
{
    /// <summary>Accept <c>Authorization: Basic</c>. Read per request, so a test may flip it on a running host.</summary>
    public bool AllowBasic { get; set; } = true;

    /// <summary>Accept <c>Authorization: Bearer</c>. Read per request, so a test may flip it on a running host.</summary>
    public bool AllowBearer { get; set; } = true;

    /// <summary>
    /// Tokens added to the seed data, at start and on every reset, for load and listing benchmarks:
    /// owned by user 777 (who has none in the seed) with ReadDocuments. 0 by default.
    /// </summary>
    public int AdditionalTokens { get; set; }

    public IList<HdcApiUser> Users { get; set; } =
    [
        new(DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword, HdcRole.Admin),
        new(DemoCredentials.HdcReaderUserName, DemoCredentials.HdcReaderPassword, HdcRole.Reader),
    ];

    public IList<HdcAccessToken> AccessTokens { get; set; } =
    [
        new(DemoCredentials.HdcAdminAccessToken, HdcRole.Admin),
        new(DemoCredentials.HdcReaderAccessToken, HdcRole.Reader),
    ];
}
