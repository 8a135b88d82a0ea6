using System;
using System.Linq;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Items;
using Xunit;

namespace TokenAdmin.Tests.Metadata;

/// <summary>Each connection type declares its service once; the command bases read only that.</summary>
public sealed class ServiceDescriptorTests
{
    [Fact]
    public void Every_connection_type_declares_a_descriptor_and_every_service_has_one_connection_type()
    {
        var connectionTypes = typeof(TokenAdminConnection).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TokenAdminConnection)) && !t.IsAbstract).ToList();
        var descriptors = connectionTypes
            .Select(t => (ServiceDescriptor)typeof(ServiceDescriptor).GetMethod(nameof(ServiceDescriptor.Of))!.MakeGenericMethod(t).Invoke(null, null)!)
            .ToList();

        Assert.Equal(Enum.GetValues<TokenAdminService>().Order(), descriptors.Select(d => d.Service).Order());
        Assert.All(descriptors, d => Assert.StartsWith("Connect-", d.ConnectCommand, StringComparison.Ordinal));
        Assert.All(descriptors, d => Assert.False(string.IsNullOrWhiteSpace(d.DisplayName)));
    }
}
