using System;
using System.Security.Cryptography;

namespace FinSpace.Emulator.State;

/// <summary>Opaque ids shaped like the service's: 22 random base-62 characters (the model allows up to 26).</summary>
internal static class IdGenerator
{
    public const int IdLength = 22;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string UpperAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string NewId() => Random(Alphabet, IdLength);

    /// <summary>A temporary access key id: "ASIA" and 16 upper-case characters, as STS issues.</summary>
    public static string NewTemporaryAccessKeyId() => "ASIA" + Random(UpperAlphabet, 16);

    public static string NewSecret() => Random(Alphabet + "+/", 40);

    public static string NewSessionToken() => "FwoGZXIvYXdzE" + Random(Alphabet + "+/", 300);

    public static string NewPassword() => Random(Alphabet, 12) + "!a1";

    public static string Random(string alphabet, int length)
    {
        // Rejection sampling keeps every character equally likely for any alphabet size.
        int limit = 256 - (256 % alphabet.Length);
        Span<char> result = stackalloc char[length];
        Span<byte> buffer = stackalloc byte[length * 2];
        int filled = 0;
        while (filled < length)
        {
            RandomNumberGenerator.Fill(buffer);
            foreach (var b in buffer)
            {
                if (b < limit)
                {
                    result[filled++] = alphabet[b % alphabet.Length];
                    if (filled == length)
                    {
                        break;
                    }
                }
            }
        }

        return new string(result);
    }
}
