using System.IO;
using FinSpace.Emulator.Tables;
using Microsoft.Data.Sqlite;

namespace FinSpace.Emulator.Persistence;

/// <summary>
/// Ingested data in the same database file as the records, on a connection of its own: jobs write
/// here from their own threads while requests commit records on the other. A changeset's data is
/// written before its outcome is recorded, so a restart never finds a SUCCESS without its rows.
/// </summary>
internal sealed class SqliteDataStore : IDataStore
{
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;

    public SqliteDataStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, SqliteStore.FileName), Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA busy_timeout=10000;");
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("CREATE TABLE IF NOT EXISTS changeset_data (changeset_id TEXT PRIMARY KEY, data BLOB NOT NULL);");
    }

    public void Save(string changesetId, ChangesetData data)
    {
        var encoded = ChangesetDataCodec.Encode(data);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO changeset_data (changeset_id, data) VALUES ($id, $data) ON CONFLICT (changeset_id) DO UPDATE SET data = excluded.data;";
            command.Parameters.AddWithValue("$id", changesetId);
            command.Parameters.Add("$data", SqliteType.Blob).Value = encoded;
            command.ExecuteNonQuery();
        }
    }

    public ChangesetData? Load(string changesetId)
    {
        byte[]? stored;
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT data FROM changeset_data WHERE changeset_id = $id;";
            command.Parameters.AddWithValue("$id", changesetId);
            stored = command.ExecuteScalar() as byte[];
        }

        return stored is null ? null : ChangesetDataCodec.Decode(stored);
    }

    public void Delete(string changesetId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM changeset_data WHERE changeset_id = $id;";
            command.Parameters.AddWithValue("$id", changesetId);
            command.ExecuteNonQuery();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            Execute("DELETE FROM changeset_data;");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
