using TokenAdmin.Commands;
using TokenAdmin.Runtime;
namespace TokenAdmin.Items;

/// <summary>A progress bar update, as plain data (see <see cref="CommandError"/> for why).</summary>
internal sealed record ProgressUpdate(int ActivityId, string Activity, string Status, int PercentComplete, bool Completed);
