using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenAdmin.Emulator;

/// <summary>
/// Source-generated JSON for the emulator's shared shapes and its admin surface. Web defaults
/// (camelCase; admin input read case-insensitively: it is a tool, not an emulated contract).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(EmulatorInfo))]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(FaultSummary))]
[JsonSerializable(typeof(JournalSnapshot))]
[JsonSerializable(typeof(SeedSummary))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
