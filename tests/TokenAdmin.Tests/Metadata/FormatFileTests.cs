using System;
using System.Linq;
using System.Xml.Linq;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Metadata;

public class FormatFileTests
{
    /// <summary>Every folder's views as one document (the manifest loads them all).</summary>
    private static readonly XDocument Format = new(new XElement("Configuration", new XElement("ViewDefinitions",
        Repository.FormatFiles.SelectMany(f => XDocument.Load(f).Descendants("View")))));
    private static readonly System.Reflection.Assembly Module = typeof(TokenAdmin.Commands.TokenAdminCommand).Assembly;

    private static Type TypeOf(XElement view) =>
        Module.GetType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value)
            ?? throw new InvalidOperationException($"view {view.Element("Name")?.Value} selects an unknown type");

    [Fact]
    public void Is_a_configuration_of_named_views_with_unique_names()
    {
        Assert.Equal("Configuration", Format.Root!.Name.LocalName);
        var names = Format.Descendants("View").Select(v => v.Element("Name")!.Value).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Every_view_selects_a_public_TokenAdmin_type_and_names_real_properties()
    {
        foreach (var view in Format.Descendants("View"))
        {
            var type = TypeOf(view);
            Assert.True(type.IsPublic);
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(type.GetProperty(property) is not null, $"{type.Name} has no property {property}");
            }

            var headers = view.Descendants("TableColumnHeader").Count();
            var items = view.Descendants("TableRowEntry").FirstOrDefault()?.Descendants("TableColumnItem").Count() ?? headers;
            Assert.Equal(headers, items);
        }
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var viewed = Format.Descendants("View").Where(v => v.Element("TableControl") is not null).Select(TypeOf).ToList();
        foreach (var output in CmdletMetadata.All(Module).SelectMany(c => c.OutputTypes).Where(t => t != typeof(void)).Distinct())
        {
            Assert.True(viewed.Any(v => v.IsAssignableFrom(output)), $"no table view for {output.Name}");
        }
    }

    [Fact]
    public void No_view_shows_a_token_value()
    {
        foreach (var view in Format.Descendants("View"))
        {
            Assert.DoesNotContain(view.Descendants("PropertyName"), p => p.Value is "Token" or "AccessToken" or "Password" or "Secret");
            Assert.DoesNotContain(view.Descendants("ScriptBlock"), s => s.Value.Contains("$_.Token", StringComparison.OrdinalIgnoreCase));
        }
    }
}
