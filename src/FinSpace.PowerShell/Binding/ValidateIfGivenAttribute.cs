using System.Collections;
using System.Management.Automation;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Binding
{
    /// <summary>
    /// A validation that applies only to a value that was given: null (see
    /// <see cref="EmptyMeansNotGivenAttribute"/>) passes, text is checked, and each element of a list
    /// is checked. PowerShell's own ValidateSet/Length/Pattern refuse null, so an empty CSV cell would
    /// fail the whole row. The failure message names the rule; PowerShell prefixes the parameter.
    /// </summary>
    public abstract class ValidateIfGivenAttribute : ValidateArgumentsAttribute
    {
        protected sealed override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            switch (PSValues.BaseOf(arguments))
            {
                case null:
                    return;
                case string text:
                    ValidateText(text);
                    return;
                case IEnumerable many:
                    foreach (var item in many)
                    {
                        var element = PSValues.BaseOf(item);
                        if (element is null)
                        {
                            throw new ValidationMetadataException("The list holds an empty value.");
                        }

                        ValidateText(element.ToString() ?? string.Empty);
                    }

                    return;
                case var other:
                    ValidateText(other.ToString() ?? string.Empty);
                    return;
            }
        }

        /// <summary>Throws a <see cref="ValidationMetadataException"/> saying what is wrong with <paramref name="text"/>.</summary>
        protected abstract void ValidateText(string text);
    }
}
