using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Errors;
using TokenAdmin.Items;

namespace TokenAdmin.SecurId;

/// <summary>Base of the SecurID commands.</summary>
public abstract class SecurIdCommand : ServiceCommand<SecurIdConnection>
{

    private protected SecurIdHardwareToken ToHardwareToken(Core.SecurId.SecurIdTokenInfo info, SecurIdConnection connection)
    {
        connection.HandedOut = true; // objects carry their connection: replacing it must not close it
        return new SecurIdHardwareToken(info, connection);
    }
}
