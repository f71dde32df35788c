using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Emulator.Storage;

namespace FinSpace.Emulator.Ingestion;

/// <summary>
/// What <c>s3SourcePath</c> names: one object, or every file under a folder (a path ending in
/// <c>/</c>, or one that is no object but a prefix with objects under it). Folder files are taken in
/// key order; folder markers and files whose name starts with <c>_</c> or <c>.</c> (_SUCCESS, .crc)
/// are skipped, as Hadoop-style readers do.
/// </summary>
internal static class SourceFiles
{
    public static async Task<List<(string Key, string RelativePath)>> ResolveAsync(ObjectStore objects, string? sourcePath, CancellationToken cancellationToken)
    {
        if (!S3Path.TryParse(sourcePath, out var path))
        {
            throw IngestionException.Validation($"sourceParams.s3SourcePath must be an S3 URI such as s3://bucket/folder/file.csv (got '{sourcePath}').");
        }

        if (path.Key.Length > 0 && !path.Key.EndsWith('/') && await objects.ExistsAsync(path.Bucket, path.Key, cancellationToken).ConfigureAwait(false))
        {
            return [(path.Key, path.Key[(path.Key.LastIndexOf('/') + 1)..])];
        }

        var prefix = path.Key.Length == 0 || path.Key.EndsWith('/') ? path.Key : path.Key + "/";
        var files = (await objects.ListAsync(path.Bucket, prefix, cancellationToken).ConfigureAwait(false))
            .Where(o => !o.Key.EndsWith('/') && !IsHidden(o.Key))
            .Select(o => (o.Key, o.Key[prefix.Length..]))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new IngestionException(ErrorCategory.ResourceNotFound.Value, $"No file at {path}: it is neither an object nor a folder holding files.");
    }

    private static bool IsHidden(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return name.StartsWith('_') || name.StartsWith('.');
    }
}
