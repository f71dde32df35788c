using FinSpace.Data.Metadata;

namespace FinSpace.Management
{
    /// <summary>
    /// Copies the members two structures share by name. The model gives a Get response and the
    /// matching list item the same members (GetChangesetResponse / ChangesetSummary, …), so one
    /// mapping per resource serves both.
    /// </summary>
    internal static class ShapeConverter
    {
        public static T Convert<T>(Shape from, Shape to, object value)
            where T : class
        {
            var result = to.CreateInstance();
            foreach (var target in to.Members)
            {
                var source = from.FindMember(target.Name);
                if (source is not null && source.Shape == target.Shape)
                {
                    target.SetValue(result, source.GetValue(value));
                }
            }

            return (T)result;
        }
    }
}
