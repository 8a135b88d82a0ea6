using System.Management.Automation;

namespace TokenAdmin.Module;

/// <summary>PowerShell calls these on Import-Module and Remove-Module.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => DependencyResolver.Register();

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        Connections.ConnectionStore.Session.Clear();
        DependencyResolver.Unregister();
    }
}
