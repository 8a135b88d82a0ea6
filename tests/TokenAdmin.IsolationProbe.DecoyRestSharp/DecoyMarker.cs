namespace RestSharp;

/// <summary>Lets the probe load this decoy into the default context on purpose.</summary>
public static class DecoyMarker
{
}
