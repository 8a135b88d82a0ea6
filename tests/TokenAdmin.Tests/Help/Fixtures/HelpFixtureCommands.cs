using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Items;

// Cmdlets that exist only to be read by the help generator: every shape it must handle, in a
// few classes. Their documentation is FixtureDocumentation.Xml (this project writes no XML doc
// file), so comments here are ordinary ones.
namespace TokenAdmin.Tests.Help.Fixtures;

public enum FixtureColor
{
    Red,
    Green,
}

public sealed class FixtureItem
{
    public string Name { get; set; } = string.Empty;
}

// A generic base, as ServiceCommand<TConnection> is: the parameter's type is the closed one.
public abstract class FixtureCommandBase<TTarget> : PSCmdlet
    where TTarget : class
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TTarget? Target { get; set; }
}

[Cmdlet(VerbsCommon.Get, "HelpFixture", DefaultParameterSetName = "ByName")]
[OutputType(typeof(FixtureItem))]
public sealed class GetHelpFixtureCommand : FixtureCommandBase<FixtureItem>
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "ByName")]
    [Alias("ItemName", "N")]
    [SupportsWildcards]
    public string[] Name { get; set; } = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    public long Id { get; set; }

    // Optional in one set, mandatory in the other.
    [Parameter(ParameterSetName = "ByName")]
    [Parameter(Mandatory = true, ParameterSetName = "ById")]
    public FixtureColor Color { get; set; }

    [Parameter]
    [ValidateSet("Low", "High")]
    public string Level { get; set; } = "Low";

    [Parameter]
    public int Limit { get; set; } = 10;

    [Parameter]
    public int? TimeoutSec { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter(DontShow = true)]
    public SwitchParameter Internal { get; set; }

    public string NotAParameter { get; set; } = string.Empty;
}

// Its default set is named by no parameter: a set of the all-sets parameters only.
[Cmdlet(VerbsCommon.Remove, "HelpFixture", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = "Everything")]
[OutputType(typeof(void))]
public sealed class RemoveHelpFixtureCommand : FixtureCommandBase<FixtureItem>
{
    [Parameter(Mandatory = true, ParameterSetName = "One")]
    public string Name { get; set; } = string.Empty;
}

[Cmdlet(VerbsCommon.Set, "HelpFixtureUndocumented")]
public sealed class SetHelpFixtureUndocumentedCommand : PSCmdlet
{
    [Parameter]
    public string? Value { get; set; }
}

// Not cmdlets PowerShell would load: no help either.
[Cmdlet(VerbsCommon.New, "HelpFixtureAbstract")]
public abstract class NewHelpFixtureAbstractCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.New, "HelpFixtureInternal")]
internal sealed class NewHelpFixtureInternalCommand : PSCmdlet
{
}
