namespace TokenAdmin.Emulator;

/// <summary>A named operation a token may be scoped to. Names match exactly (case-sensitive), as the Java backend does.</summary>
public sealed record HdcContext(int Code, string Name);
