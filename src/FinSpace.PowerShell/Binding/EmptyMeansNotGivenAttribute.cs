using System.Collections;
using System.Management.Automation;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Binding
{
    /// <summary>
    /// On an optional parameter: an empty or whitespace-only value (what Import-Csv makes of an empty
    /// cell) means the parameter was not given. It becomes null before validation, so
    /// <c>Import-Csv users.csv | New-FSUser</c> works for rows that leave optional columns blank.
    /// Pair it with the <c>Validate…IfGiven</c> attributes, which let null through.
    /// </summary>
    [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
    public sealed class EmptyMeansNotGivenAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            return IsEmpty(inputData) ? null : inputData;
        }

        /// <summary>Null, empty or whitespace text, or a list holding only such values (PSObject wrappers looked through).</summary>
        internal static bool IsEmpty(object? value)
        {
            switch (PSValues.BaseOf(value))
            {
                case null:
                    return true;
                case string text:
                    return text.Trim().Length == 0;
                case IList list:
                    foreach (var item in list)
                    {
                        if (!IsEmpty(item))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }
    }
}
