using System;

namespace TokenAdmin.Emulator;

/// <summary>A seed request the emulator cannot carry out; the message says why (answered as 400).</summary>
internal sealed class SeedException(string message) : Exception(message);
