using System;
using System.IO;
using System.Text;

namespace FinSpace.Management
{
    /// <summary>
    /// The shared files a profile is read from, and a stamp of their content, so a rewritten
    /// credentials or config file gives the next call a new client (and so the new keys) while an
    /// unchanged one keeps the cached client. The stamp is a hash: it holds no secret.
    /// </summary>
    public static class ProfileFiles
    {
        /// <summary>The credentials file: <paramref name="location"/>, else AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.</summary>
        public static string CredentialsFile(string? location) =>
            !string.IsNullOrEmpty(location) ? Path.GetFullPath(location)
            : Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } fromEnvironment ? fromEnvironment
            : Path.Combine(Home(), ".aws", "credentials");

        /// <summary>The config file: AWS_CONFIG_FILE, else ~/.aws/config.</summary>
        public static string ConfigFile() =>
            Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } fromEnvironment ? fromEnvironment
            : Path.Combine(Home(), ".aws", "config");

        /// <summary>A hash of both files' paths and contents (a missing file counts as empty).</summary>
        public static string Stamp(string? location)
        {
            var text = new StringBuilder();
            foreach (var file in new[] { CredentialsFile(location), ConfigFile() })
            {
                text.Append(file).Append('\n');
                try
                {
                    text.Append(File.Exists(file) ? Convert.ToBase64String(File.ReadAllBytes(file)) : "-");
                }
                catch (IOException)
                {
                    text.Append('?');
                }
                catch (UnauthorizedAccessException)
                {
                    text.Append('?');
                }

                text.Append('\n');
            }

            return KeyHash.Of(Encoding.UTF8.GetBytes(text.ToString()));
        }

        private static string Home() =>
            Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
