using System.Collections.Generic;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>The help of every cmdlet in an assembly, and what documentation it lacks.</summary>
internal sealed record HelpModel(IReadOnlyList<CommandHelp> Commands, IReadOnlyList<HelpIssue> Issues);
