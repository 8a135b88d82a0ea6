using System;

namespace TokenAdmin.Emulator;

/// <summary>A command-line option the emulator cannot use; its message is what --help would correct.</summary>
internal sealed class InvalidOptionException(string message) : Exception(message);
