using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenAdmin.Emulator;

/// <summary>Source-generated JSON for HDC: camelCase, case-sensitive names, strict number handling.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(HdcList<HdcTokenModel>))]
[JsonSerializable(typeof(HdcList<HdcContextModel>))]
[JsonSerializable(typeof(HdcTokenRequest))]
internal sealed partial class HdcJsonContext : JsonSerializerContext;
