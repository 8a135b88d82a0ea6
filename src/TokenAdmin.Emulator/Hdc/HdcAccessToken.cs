namespace TokenAdmin.Emulator;

/// <summary>An access token that may call the HDC API with <c>Authorization: Bearer</c>.</summary>
public sealed record HdcAccessToken(string Value, HdcRole Role)
{
    // Keep the token value out of test output and logs.
    public override string ToString() => $"HdcAccessToken {{ Role = {Role} }}";
}
