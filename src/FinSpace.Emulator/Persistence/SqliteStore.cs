using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Data.Sqlite;

namespace FinSpace.Emulator.Persistence;

/// <summary>
/// Write-through persistence: each request's changes are committed in one transaction before its
/// response is sent, with synchronous=FULL so an acknowledged write survives a crash.
/// </summary>
internal sealed class SqliteStore : IStateStore
{
    public const string FileName = "finspace-emulator.db";

    private readonly SqliteConnection _connection;

    public SqliteStore(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));");
        Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
    }

    public IEnumerable<StoredRow> LoadAll()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT kind, id, seq, json FROM records ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var rows = new List<StoredRow>();
        while (reader.Read())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }

    public void Commit(IReadOnlyList<StoreChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using var upsert = _connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = "INSERT INTO records (kind, id, seq, json) VALUES ($kind, $id, $seq, $json) ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, json = excluded.json;";
        var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var seq = upsert.Parameters.Add("$seq", SqliteType.Integer);
        var json = upsert.Parameters.Add("$json", SqliteType.Text);
        using var delete = _connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM records WHERE kind = $kind AND id = $id;";
        var deleteKind = delete.Parameters.Add("$kind", SqliteType.Text);
        var deleteId = delete.Parameters.Add("$id", SqliteType.Text);

        foreach (var change in changes)
        {
            if (change.Record is null)
            {
                deleteKind.Value = change.Kind;
                deleteId.Value = change.Id;
                delete.ExecuteNonQuery();
            }
            else
            {
                kind.Value = change.Kind;
                id.Value = change.Id;
                seq.Value = change.Seq;
                json.Value = RecordJson.Serialize(change.Record);
                upsert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public void Clear() => Execute("DELETE FROM records;");

    public string? GetMeta(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetMeta(string key, string value)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
