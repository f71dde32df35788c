using System;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FinSpace.Emulator.State;

/// <summary>
/// Opaque nextToken values: the list operation, its parent id and the last returned creation sequence,
/// protected by an HMAC so a tampered token or one from another list is refused rather than followed.
/// </summary>
internal sealed class PageTokenCodec
{
    private const int MacBytes = 16;
    private readonly byte[] _key;

    public PageTokenCodec(byte[] key)
    {
        _key = key;
    }

    public string Encode(string operation, string parentId, long lastSeq)
    {
        var payload = Encoding.UTF8.GetBytes($"{operation}\n{parentId}\n{lastSeq.ToString(CultureInfo.InvariantCulture)}");
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>The sequence after which the next page starts, or null when the token is not one this list issued.</summary>
    public long? Decode(string token, string operation, string parentId)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
            {
                return null;
            }

            var parts = Encoding.UTF8.GetString(payload).Split('\n');
            if (parts.Length != 3 || parts[0] != operation || parts[1] != parentId)
            {
                return null;
            }

            return long.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(_key, payload).AsSpan(0, MacBytes).ToArray();
}
