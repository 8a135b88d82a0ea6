using System;
using System.Management.Automation;

namespace TokenAdmin.Errors;

/// <summary>What a failed HTTP status means for one service: a more specific ErrorId and next step.</summary>
internal sealed record StatusMeaning(string ErrorId, ErrorCategory Category, string NextStep);
