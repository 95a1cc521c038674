namespace Klinky.Action.Tests.Container;

/// <summary>
/// A test of the built image. <c>./build.sh test</c> (and <c>./build.sh container</c>) build it and set
/// <c>KLINKY_ACTION_IMAGE</c>, so there these tests always run, and fail if the image is missing. A machine without a
/// container engine gets them skipped with build.sh's reason (<c>KLINKY_CONTAINER_SKIP</c>); a plain <c>dotnet test</c>
/// without the variable reports them as skipped, saying how to run them.
/// </summary>
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        if (string.IsNullOrEmpty(ContainerRun.Image))
        {
            Skip = Environment.GetEnvironmentVariable("KLINKY_CONTAINER_SKIP") is { Length: > 0 } reason
                ? "Skipped: " + reason
                : "No image under test: run ./build.sh test, or ./build.sh container and set the KLINKY_ACTION_IMAGE and CONTAINERS_* variables it prints.";
        }
    }
}
