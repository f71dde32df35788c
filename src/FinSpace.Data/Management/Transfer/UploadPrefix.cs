using System;
using System.Globalization;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// A fresh folder under the working location for one import: sortable by time, unique by a
    /// random id, so two imports (even at the same instant, from two machines) never share files and
    /// the changeset's s3SourcePath names exactly the files of this import.
    /// </summary>
    public static class UploadPrefix
    {
        public const string Marker = "fs-import-";

        /// <param name="workingPath">The working location's s3Path (e.g. finspace/ingestion/), may be empty.</param>
        /// <param name="now">The time written into the name.</param>
        /// <param name="id">The random part.</param>
        public static string For(string? workingPath, DateTimeOffset now, Guid id)
        {
            var path = workingPath ?? string.Empty;
            if (path.Length > 0 && !path.EndsWith("/", StringComparison.Ordinal))
            {
                path += "/";
            }

            return path.TrimStart('/') + Marker + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + id.ToString("N") + "/";
        }
    }
}
