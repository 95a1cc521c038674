namespace Klinky.Publishing.Detection;

/// <summary>
/// The run does not say enough to post (no pull request, no token, the wrong token): a user's configuration, raised
/// before any request is spent. <see cref="Field"/> names the setting to give (a parameter or a variable).
/// </summary>
public sealed class PublishingConfigurationException : Exception
{
    public PublishingConfigurationException(string field, string message)
        : base(message) => Field = field;

    public string Field { get; }
}
