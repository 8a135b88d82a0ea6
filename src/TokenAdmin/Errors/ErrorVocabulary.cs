using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace TokenAdmin.Errors;

/// <summary>
/// One service's words for errors: its Connect command (named in "what to do next"), and the
/// error codes and statuses it gives a meaning of its own (HDC 404 → AuthTokenNotFound).
/// </summary>
internal sealed class ErrorVocabulary
{
    public ErrorVocabulary(string serviceName, string connectCommand, IReadOnlyDictionary<int, StatusMeaning>? statuses = null,
        IReadOnlyDictionary<string, StatusMeaning>? codes = null)
    {
        ServiceName = serviceName;
        ConnectCommand = connectCommand;
        Statuses = statuses ?? new Dictionary<int, StatusMeaning>();
        Codes = codes is null
            ? new Dictionary<string, StatusMeaning>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, StatusMeaning>(codes, StringComparer.OrdinalIgnoreCase);
    }

    public string ServiceName { get; }

    public string ConnectCommand { get; }

    public IReadOnlyDictionary<int, StatusMeaning> Statuses { get; }

    /// <summary>
    /// The service's own error codes (INVALID_TOKEN, ...), compared without case. They win over the
    /// status: one 401 may mean bad credentials or a bad second factor, one 200 may carry a failure.
    /// </summary>
    public IReadOnlyDictionary<string, StatusMeaning> Codes { get; }
}
