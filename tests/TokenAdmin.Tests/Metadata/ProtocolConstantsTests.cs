using System;
using System.IO;
using System.Linq;
using System.Reflection;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Metadata;

/// <summary>
/// Each service's *Protocol class holds the assumptions the code reads, so README's "change one
/// line there" is true: a member that nothing outside the class reads is a constant that changes
/// nothing, and fails here.
/// </summary>
public sealed class ProtocolConstantsTests
{
    public static TheoryData<string> ProtocolClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(TokenAdmin.Core.Http.ServiceHttpClient).Assembly.GetTypes()
                     .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Protocol", StringComparison.Ordinal)))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtocolClasses))]
    public void Every_protocol_member_is_read_by_the_code(string typeName)
    {
        var type = typeof(TokenAdmin.Core.Http.ServiceHttpClient).Assembly.GetType(typeName)!;
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Path.GetFileName(f).Equals(type.Name + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is FieldInfo or PropertyInfo or MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            .Distinct();

        var unread = members.Where(name => !sources.Any(s => s.Contains($"{type.Name}.{name}", StringComparison.Ordinal))).ToList();

        Assert.True(unread.Count == 0, $"{type.Name} members no code reads: {string.Join(", ", unread)}");
    }
}
