using System;

namespace TokenAdmin.Core.Http;

/// <summary>
/// A change a service client made on its own while serving a call (PowerClerk renews the connection's
/// MST before it expires), for the audit log; also when it failed (<see cref="Failure"/>: the
/// ServiceException). The target is an identifier, never a value.
/// </summary>
public sealed record OwnChange(string Operation, string TargetType, string Target, int Attempts, string? RequestId, Exception? Failure = null);
