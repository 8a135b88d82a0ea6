using TokenAdmin.Core.Http;

namespace TokenAdmin.Tests.Fixtures;

/// <summary>The one test clock (tests/Fixtures/VirtualClock.cs) is also the module's clock.</summary>
internal sealed partial class VirtualClock : IClock
{
}
