using TokenAdmin.Core.Hdc;

namespace TokenAdmin;

/// <summary>A named operation an HDC token may be scoped to.</summary>
public sealed class AuthTokenContext
{
    internal AuthTokenContext(HdcContext context)
    {
        Code = context.Code;
        Name = context.Name;
    }

    public int Code { get; }

    public string Name { get; }

    public override string ToString() => Name;
}
