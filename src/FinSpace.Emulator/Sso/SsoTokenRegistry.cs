using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Emulator.Sso;

/// <summary>The SSO access tokens registered so far and the roles each opens. Thread-safe.</summary>
internal sealed class SsoTokenRegistry
{
    private readonly object _gate = new();
    private readonly HashSet<SsoToken> _tokens = new();

    public SsoTokenRegistry(IEnumerable<SsoToken> initial)
    {
        foreach (var token in initial)
        {
            Register(token);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tokens.Count;
            }
        }
    }

    public void Register(SsoToken token)
    {
        if (string.IsNullOrEmpty(token.AccessToken) || string.IsNullOrEmpty(token.AccountId) || string.IsNullOrEmpty(token.RoleName))
        {
            throw new ArgumentException("An SSO token needs accessToken, accountId and roleName.");
        }

        lock (_gate)
        {
            _tokens.Add(token);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }

    /// <summary>Whether the token is registered at all, and whether it opens this account's role.</summary>
    public (bool KnownToken, bool Allowed) Check(string accessToken, string accountId, string roleName)
    {
        lock (_gate)
        {
            var known = _tokens.Any(t => t.AccessToken == accessToken);
            return (known, known && _tokens.Contains(new SsoToken(accessToken, accountId, roleName)));
        }
    }

    /// <summary>The accounts and roles registered, without the tokens themselves (they are secrets).</summary>
    public IReadOnlyList<(string AccountId, string RoleName)> Roles()
    {
        lock (_gate)
        {
            return _tokens.Select(t => (t.AccountId, t.RoleName)).Distinct().OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.RoleName, StringComparer.Ordinal).ToList();
        }
    }
}
