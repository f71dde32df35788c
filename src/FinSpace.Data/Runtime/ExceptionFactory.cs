namespace FinSpace.Data.Runtime
{
    internal static partial class ExceptionFactory
    {
    }
}
