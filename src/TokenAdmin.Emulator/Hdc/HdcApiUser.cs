namespace TokenAdmin.Emulator;

/// <summary>An account that may call the HDC API with HTTP Basic.</summary>
public sealed record HdcApiUser(string UserName, string Password, HdcRole Role)
{
    // Keep the password out of test output and logs.
    public override string ToString() => $"HdcApiUser {{ UserName = {UserName}, Role = {Role} }}";
}
