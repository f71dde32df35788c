using System.Security;

namespace FinSpace.Management
{
    /// <summary>Wraps secret text the service returned so that it never prints.</summary>
    internal static class Secrets
    {
        public static SecureString? Protect(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
