using System.Diagnostics.CodeAnalysis;

namespace TokenAdmin.Emulator;

/// <summary>Either launch settings or the message that explains why the arguments were refused.</summary>
internal sealed class CommandLineParseResult
{
    private CommandLineParseResult(EmulatorLaunchSettings? settings, string? error)
    {
        Settings = settings;
        Error = error;
    }

    public EmulatorLaunchSettings? Settings { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Settings))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Settings is not null;

    public static CommandLineParseResult Success(EmulatorLaunchSettings settings) => new(settings, null);

    public static CommandLineParseResult Failure(string error) => new(null, error);
}
