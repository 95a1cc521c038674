namespace Klinky.Publishing.Detection;

/// <summary>The code-hosting platforms a report can be posted on.</summary>
public enum PlatformKind
{
    GitHub,
    AzureDevOps,
    GitLab,
}
