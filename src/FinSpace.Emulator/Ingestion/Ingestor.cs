using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Emulator.Storage;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Ingestion;

/// <summary>What an ingestion needs, copied from the state under its lock so the work runs without it.</summary>
internal sealed record IngestionRequest(
    string DatasetKind,
    TableSchema? Schema,
    IReadOnlyDictionary<string, string> SourceParams,
    IReadOnlyDictionary<string, string> FormatParams);

/// <summary>
/// Reads a changeset's source files from S3 and turns them into <see cref="ChangesetData"/>: rows
/// checked against the schema for a tabular dataset, the files as they are for one without a schema.
/// Throws <see cref="IngestionException"/> saying what was wrong.
/// </summary>
internal static class Ingestor
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    public static async Task<ChangesetData> RunAsync(ObjectStore objects, IngestionRequest request, CancellationToken cancellationToken)
    {
        var sourceType = request.SourceParams.FirstOrDefault(p => string.Equals(p.Key, "sourceType", StringComparison.OrdinalIgnoreCase)).Value;
        if (sourceType is not null && !string.Equals(sourceType, "S3", StringComparison.OrdinalIgnoreCase))
        {
            throw IngestionException.Validation($"sourceParams.sourceType '{sourceType}' is not supported; the only source type is S3.");
        }

        request.SourceParams.TryGetValue(Handlers.ChangesetHandlers.SourcePathKey, out var sourcePath);
        var files = await Storage(() => SourceFiles.ResolveAsync(objects, sourcePath, cancellationToken)).ConfigureAwait(false);
        var bucket = S3Path.TryParse(sourcePath, out var source) ? source.Bucket : string.Empty;

        // Without a schema (NON_TABULAR) the files are the data: kept byte for byte, never parsed.
        if (request.DatasetKind == DatasetKind.NonTabular.Value)
        {
            var stored = new List<StoredFile>();
            foreach (var (key, relative) in files)
            {
                stored.Add(new StoredFile(relative, await Storage(() => objects.ReadAsync(bucket, key, cancellationToken)).ConfigureAwait(false)));
            }

            return new ChangesetData { Files = stored };
        }

        var options = FormatOptions.Parse(request.FormatParams);
        var table = new TableBuilder(request.Schema);
        foreach (var (key, _) in files)
        {
            var name = new S3Path(bucket, key).ToString();
            var content = Decompress(await Storage(() => objects.ReadAsync(bucket, key, cancellationToken)).ConfigureAwait(false), options, name);
            var rows = table.File(name);
            switch (options.FormatType)
            {
                case FormatOptions.Csv:
                    CsvTableReader.Read(new MemoryStream(content, writable: false), options, rows, name);
                    break;
                case FormatOptions.Json:
                    JsonTableReader.Read(content, rows, name);
                    break;
                case FormatOptions.Parquet:
                    await ParquetTableReader.ReadAsync(content, rows, name, cancellationToken).ConfigureAwait(false);
                    break;
                case FormatOptions.Xml:
                    XmlTableReader.Read(new MemoryStream(content, writable: false), rows, name);
                    break;
            }
        }

        return table.Result();
    }

    private static byte[] Decompress(byte[] content, FormatOptions options, string file)
    {
        var looksGzip = content.AsSpan().StartsWith(GzipMagic);
        if (!options.Gzip)
        {
            return looksGzip && options.FormatType != FormatOptions.Parquet
                ? throw IngestionException.Validation($"{file} is gzip-compressed, but formatParams.compression is None; set compression to GZIP.")
                : content;
        }

        if (!looksGzip)
        {
            throw IngestionException.Validation($"{file} is not gzip data, but formatParams.compression is GZIP.");
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            return plain.ToArray();
        }
        catch (InvalidDataException)
        {
            throw IngestionException.Validation($"{file} is damaged gzip data.");
        }
    }

    private static async Task<T> Storage<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (StorageException e)
        {
            throw new IngestionException(e.Category, e.Message);
        }
    }
}
