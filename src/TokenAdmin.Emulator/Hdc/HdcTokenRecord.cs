using System;
using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>One issued authentication token, as the emulator stores it.</summary>
public sealed record HdcTokenRecord(string Token, long UserId, IReadOnlyList<HdcContext> Contexts, DateTimeOffset LastUpdate);
