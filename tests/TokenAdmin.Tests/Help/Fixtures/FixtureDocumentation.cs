namespace TokenAdmin.Tests.Help.Fixtures;

/// <summary>
/// What the compiler would write for the fixture cmdlets' doc comments (this project writes no
/// documentation file): the format src/TokenAdmin.HelpBuilder/README.md asks for.
/// </summary>
internal static class FixtureDocumentation
{
    private const string Ns = "TokenAdmin.Tests.Help.Fixtures";

    public const string Xml = $$"""
        <?xml version="1.0"?>
        <doc>
            <assembly><name>TokenAdmin.Tests</name></assembly>
            <members>
                <member name="T:{{Ns}}.GetHelpFixtureCommand">
                    <summary>Gets fixture items
                    by name or id.</summary>
                    <remarks>
                    <para>Reads <see cref="T:{{Ns}}.FixtureItem"/> objects. Pipe them to
                    <see cref="T:{{Ns}}.RemoveHelpFixtureCommand"/>; <see cref="P:{{Ns}}.GetHelpFixtureCommand.Name"/>
                    takes wildcards, <see langword="null"/> means all, and <c>-Force</c> skips the cache.</para>
                    <para>See <see href="https://example.com/fixture">the fixture guide</see>.</para>
                    </remarks>
                    <example title="Get items by name">
                    <code>
                    Get-HelpFixture -Name 'a*'
                        | Select-Object -First 2
                    </code>
                    <para>Gets the first two items whose names start with a.</para>
                    </example>
                    <example>
                    <code>Get-HelpFixture -Id 5 -Color Red</code>
                    <para>Gets item 5 in red. The color is required with -Id.</para>
                    <para>A second paragraph.</para>
                    </example>
                    <seealso cref="T:{{Ns}}.RemoveHelpFixtureCommand"/>
                    <seealso href="https://example.com/fixture">Fixture guide</seealso>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.Name">
                    <summary>Names of the items, with wildcards.</summary>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.Id">
                    <summary>The item's id.</summary>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.Color">
                    <summary>Color to paint the item.</summary>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.Level">
                    <summary>Detail level.</summary>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.Limit">
                    <summary>Most items to return.</summary>
                    <value>Default: 10.</value>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.TimeoutSec">
                    <summary>Seconds to wait. Default: 30 seconds. Longer waits warn.</summary>
                </member>
                <member name="P:{{Ns}}.GetHelpFixtureCommand.Force">
                    <summary>Skip the cache.</summary>
                </member>
                <member name="P:{{Ns}}.FixtureCommandBase`1.Target">
                    <summary>The item to act on.</summary>
                </member>
                <member name="T:{{Ns}}.FixtureItem">
                    <summary>An item of the fixture.</summary>
                </member>
                <member name="T:{{Ns}}.RemoveHelpFixtureCommand">
                    <summary>Removes fixture items.</summary>
                    <example>
                    <code>Remove-HelpFixture -Name a</code>
                    <para>Removes item a.</para>
                    </example>
                    <example>
                    <para>An example that forgot its code.</para>
                    </example>
                </member>
                <member name="P:{{Ns}}.RemoveHelpFixtureCommand.Name">
                    <summary>The item to remove.</summary>
                </member>
            </members>
        </doc>
        """;
}
