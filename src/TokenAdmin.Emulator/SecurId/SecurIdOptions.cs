namespace TokenAdmin.Emulator;

/// <summary>SecurID's options: where the command-line emulator writes its demo key files.</summary>
public sealed class SecurIdOptions
{
    /// <summary>--key-dir; null means a fresh folder under the system temp folder.</summary>
    public string? KeyDirectory { get; set; }
}
