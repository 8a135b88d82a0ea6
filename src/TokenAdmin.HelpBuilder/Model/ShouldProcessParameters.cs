using System.Collections.Generic;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>
/// -WhatIf and -Confirm come from PowerShell, not from the class, yet cmdlet help lists them
/// (with PowerShell's own wording and aliases) for every SupportsShouldProcess cmdlet.
/// </summary>
internal static class ShouldProcessParameters
{
    public static readonly ParameterHelp WhatIf = Switch("WhatIf", "wi", "Shows what would happen if the cmdlet runs. The cmdlet is not run.");

    public static readonly ParameterHelp Confirm = Switch("Confirm", "cf", "Prompts you for confirmation before running the cmdlet.");

    public static IReadOnlyList<ParameterHelp> All { get; } = [WhatIf, Confirm];

    private static ParameterHelp Switch(string name, string alias, string description) =>
        new(name, "SwitchParameter", IsSwitch: true, [description], [alias], Globbing: false, DefaultValue: "False", PossibleValues: [], ParameterBinding.Named);
}
