using System;
using FinSpace.Data.Model;

namespace FinSpace.Emulator.State;

/// <summary>
/// The documented way to ask for a failed ingestion or dataview: a changeset whose
/// <c>sourceParams.s3SourcePath</c> (or a dataview whose <c>destinationTypeParams.destinationType</c>)
/// contains <c>emulator-fail</c> ends FAILED. <c>emulator-fail-&lt;CATEGORY&gt;</c> picks the
/// <c>errorInfo.errorCategory</c> (any ErrorCategory value, e.g. <c>emulator-fail-ACCESS_DENIED</c>);
/// without one the category is USER_RECOVERABLE.
/// </summary>
internal static class FailureMarker
{
    public const string Marker = "emulator-fail";

    public static (string Category, string Message)? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var at = text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var category = ErrorCategory.UserRecoverable.Value;
        var rest = text.AsSpan(at + Marker.Length);
        if (rest.Length > 1 && rest[0] == '-')
        {
            var requested = rest[1..].ToString();
            foreach (var known in ErrorCategory.Values)
            {
                // Longest match first matters only for prefixes; no category is a prefix of another.
                if (requested.StartsWith(known.Value, StringComparison.OrdinalIgnoreCase))
                {
                    category = known.Value;
                    break;
                }
            }
        }

        return (category, $"The emulator failed this job as requested by the '{Marker}' marker (category {category}).");
    }
}
