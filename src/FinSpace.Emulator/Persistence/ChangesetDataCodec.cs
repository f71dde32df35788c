using System.IO;
using System.IO.Compression;
using System.Text;
using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Persistence;

/// <summary>
/// The stored form of a changeset's data: a version byte, then the columns, the rows (each cell a
/// null flag and its text) and the files, gzip-compressed. Text is kept exactly, nulls included.
/// </summary>
internal static class ChangesetDataCodec
{
    private const byte Version = 1;

    public static byte[] Encode(ChangesetData data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(Version);
            writer.Write(data.Columns.Length);
            foreach (var column in data.Columns)
            {
                writer.Write(column);
            }

            writer.Write(data.Rows.Count);
            foreach (var row in data.Rows)
            {
                writer.Write(row.Length);
                foreach (var cell in row)
                {
                    writer.Write(cell is not null);
                    if (cell is not null)
                    {
                        writer.Write(cell);
                    }
                }
            }

            writer.Write(data.Files.Count);
            foreach (var file in data.Files)
            {
                writer.Write(file.RelativePath);
                writer.Write(file.Content.Length);
                writer.Write(file.Content);
            }
        }

        return output.ToArray();
    }

    public static ChangesetData Decode(byte[] stored)
    {
        using var gzip = new GZipStream(new MemoryStream(stored, writable: false), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        if (reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Stored changeset data has an unknown version.");
        }

        var columns = new string[reader.ReadInt32()];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = reader.ReadString();
        }

        var data = new ChangesetData { Columns = columns };
        var rows = reader.ReadInt32();
        data.Rows.Capacity = rows;
        for (int r = 0; r < rows; r++)
        {
            var row = new string?[reader.ReadInt32()];
            for (int c = 0; c < row.Length; c++)
            {
                row[c] = reader.ReadBoolean() ? reader.ReadString() : null;
            }

            data.Rows.Add(row);
        }

        var files = reader.ReadInt32();
        for (int f = 0; f < files; f++)
        {
            var path = reader.ReadString();
            data.Files.Add(new StoredFile(path, reader.ReadBytes(reader.ReadInt32())));
        }

        return data;
    }
}
