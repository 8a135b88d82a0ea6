namespace TokenAdmin.Emulator;

/// <summary>SecurID's demo access ids.</summary>
public static partial class DemoCredentials
{
    /// <summary>
    /// accessIDs of the SecurID demo API keys. Not secrets (the JWT names them in sub); the
    /// private keys are generated per process, see <see cref="SecurIdDemoKey"/>.
    /// </summary>
    public const string SecurIdSuperAdministratorAccessId = "6f1c2a9e-3b7d-4d58-9e41-0a2b7c5d8e13";
    public const string SecurIdHelpDeskAdministratorAccessId = "b4d8e2f1-7a3c-4e96-8b05-c1d2e3f4a5b6";
}
