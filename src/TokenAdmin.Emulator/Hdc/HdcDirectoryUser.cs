namespace TokenAdmin.Emulator;

/// <summary>A user of the tenant's user directory: the people tokens can be issued to.</summary>
public sealed record HdcDirectoryUser(long UserId, string FullName);
