#if NETSTANDARD2_0
// Lets netstandard2.0 compile init-only setters and records; the runtime never needs the type itself.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
#endif
