using System;
using System.Security.Cryptography;
using System.Text;

namespace FinSpace.Management
{
    /// <summary>Tells key sets (or file contents) apart in the client cache without holding a secret.</summary>
    public static class KeyHash
    {
        public static string Of(string accessKey, string secretKey, string? token) =>
            Of(Encoding.UTF8.GetBytes(accessKey + "\n" + secretKey + "\n" + token));

        public static string Of(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(bytes), 0, 12).Replace("-", string.Empty);
        }
    }
}
