using System;
using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Management
{
    /// <summary>A connection parameter's name and aliases.</summary>
    public sealed class ConnectionParameterName
    {
        public ConnectionParameterName(string name, params string[] aliases)
        {
            Name = name;
            Aliases = aliases;
        }

        public string Name { get; }
        public IReadOnlyList<string> Aliases { get; }
        public IEnumerable<string> Names => new[] { Name }.Concat(Aliases);

        public bool Matches(string nameOrAlias) => Names.Any(n => n.Equals(nameOrAlias, StringComparison.OrdinalIgnoreCase));
    }
}
