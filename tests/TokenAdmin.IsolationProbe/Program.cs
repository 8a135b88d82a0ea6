using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;
using System.Security;
using System.Threading.Tasks;

// Usage: TokenAdmin.IsolationProbe <staged module folder> <HDC base URL> <user> <password>
// Prints key=value lines; exit code 0 when the module worked.
var (module, baseUrl, user, password) = (args[0], args[1], args[2], args[3]);

// 1. Another module got there first: a RestSharp 1.0.0 sits in the default context.
var decoy = typeof(RestSharp.DecoyMarker).Assembly;
Console.WriteLine($"default-restsharp-version={decoy.GetName().Version}");

// 2. Import-Module: PowerShell loads the root assembly into the default context and calls OnImport.
var tokenAdmin = Assembly.LoadFrom(Path.Combine(module, "TokenAdmin.dll"));
var initializer = (IModuleAssemblyInitializer)Activator.CreateInstance(tokenAdmin.GetType("TokenAdmin.Module.ModuleInitializer", throwOnError: true)!)!;
initializer.OnImport();
Console.WriteLine($"tokenadmin-context={AssemblyLoadContext.GetLoadContext(tokenAdmin)?.Name}");

// 3. TokenAdmin.dll's reference to its engine resolves through the default context's Resolving event.
var core = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("TokenAdmin.Core"));
Console.WriteLine($"core-context={AssemblyLoadContext.GetLoadContext(core)?.Name}");

// 4. Use the engine for real: an HDC client (which builds a RestClient) lists contexts.
var options = Activator.CreateInstance(core.GetType("TokenAdmin.Core.Http.ConnectionOptions", true)!, new Uri(baseUrl))!;
var secret = new SecureString();
foreach (var c in password)
{
    secret.AppendChar(c);
}

var authenticator = Activator.CreateInstance(core.GetType("TokenAdmin.Core.Http.Authentication.BasicAuthenticator", true)!, user, secret)!;
var client = Activator.CreateInstance(core.GetType("TokenAdmin.Core.Hdc.HdcClient", true)!, options, authenticator, null, null)!;
var noContext = core.GetType("TokenAdmin.Core.Http.RequestContext", true)!.GetProperty("None")!.GetValue(null);
var list = (Task)client.GetType().GetMethod("ListContextsAsync")!.Invoke(client, new object?[] { noContext })!;
await list;
var contexts = ((IEnumerable)list.GetType().GetProperty("Result")!.GetValue(list)!).Cast<object>().Count();
Console.WriteLine($"contexts={contexts}");

var restSharp = AssemblyLoadContext.All.SelectMany(c => c.Assemblies.Select(a => (Context: c.Name, Assembly: a)))
    .Single(x => x.Assembly.GetName().Name == "RestSharp" && x.Assembly != decoy);
Console.WriteLine($"restsharp-context={restSharp.Context}");
Console.WriteLine($"restsharp-version={restSharp.Assembly.GetName().Version}");

// 5. The cmdlet assembly and the engine agree on type identity: TokenAdmin.dll's connection type
//    accepts the engine's client, and its public properties reach across.
var connectionType = tokenAdmin.GetType("TokenAdmin.HdcConnection", true)!;
var connection = Activator.CreateInstance(connectionType, BindingFlags.Instance | BindingFlags.NonPublic, null,
    new[] { client, user, DateTimeOffset.UtcNow }, null)!;
Console.WriteLine($"connection={connection}");
return 0;
