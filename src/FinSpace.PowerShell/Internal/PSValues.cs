using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// Unwraps PowerShell values for the core library, which knows nothing of PSObject: a
    /// [pscustomobject] becomes an ordered dictionary of its properties, other wrappers their base
    /// object, arrays a list of unwrapped items.
    /// </summary>
    internal static class PSValues
    {
        /// <summary>The object inside a PSObject wrapper (a variable's value often is one), else the value itself.</summary>
        public static object? BaseOf(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        public static object? Unwrap(object? value)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    var properties = new OrderedDictionary();
                    foreach (var property in wrapped.Properties)
                    {
                        properties[property.Name] = Unwrap(property.Value);
                    }

                    return properties;
                }

                value = wrapped.BaseObject;
            }

            if (value is object[] items)
            {
                var list = new List<object?>(items.Length);
                foreach (var item in items)
                {
                    list.Add(Unwrap(item));
                }

                return list;
            }

            return value;
        }
    }
}
