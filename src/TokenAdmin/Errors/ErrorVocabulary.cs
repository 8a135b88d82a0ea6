using System.Collections.Generic;
using System.Management.Automation;

namespace TokenAdmin.Errors;

/// <summary>What a failed HTTP status means for one service: a more specific ErrorId and next step.</summary>
internal sealed record StatusMeaning(string ErrorId, ErrorCategory Category, string NextStep);

/// <summary>
/// One service's words for errors: its Connect command (named in "what to do next") and the
/// statuses it gives a meaning of its own (HDC 404 → AuthTokenNotFound).
/// </summary>
internal sealed class ErrorVocabulary
{
    public ErrorVocabulary(string serviceName, string connectCommand, IReadOnlyDictionary<int, StatusMeaning>? statuses = null)
    {
        ServiceName = serviceName;
        ConnectCommand = connectCommand;
        Statuses = statuses ?? new Dictionary<int, StatusMeaning>();
    }

    public string ServiceName { get; }

    public string ConnectCommand { get; }

    public IReadOnlyDictionary<int, StatusMeaning> Statuses { get; }
}
