using System;
using System.Security.Cryptography;
using System.Text;

namespace FinSpace.Management
{
    /// <summary>
    /// Idempotency tokens for commands that handle many items. FinSpace refuses one token reused for
    /// different requests, so each item gets the caller's token plus a digest of what identifies
    /// the item: re-running the same command with the same token repeats nothing, item by item,
    /// and two items never share a token.
    /// </summary>
    public static class ClientTokens
    {
        private const int DigestLength = 12;

        /// <summary>The longest token a caller may give: the model allows 128 characters, the suffix takes 13.</summary>
        public const int MaxCallerTokenLength = 128 - DigestLength - 1;

        /// <summary>The token for one item, or null when the caller gave none (the client then makes a fresh one per call).</summary>
        public static string? ForItem(string? callerToken, params string?[] itemKey)
        {
            if (callerToken is null)
            {
                return null;
            }

            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\n", itemKey)));
            return callerToken + "-" + BitConverter.ToString(digest).Replace("-", string.Empty).Substring(0, DigestLength).ToLowerInvariant();
        }
    }
}
