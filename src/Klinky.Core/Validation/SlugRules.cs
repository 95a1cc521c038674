namespace Klinky.Validation;

/// <summary>Which characters a slug may hold; shared by validation and by the slug formatter.</summary>
internal static class SlugRules
{
    public static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';

    public static bool IsValidCharacters(string slug) =>
        slug.Length > 0 && char.IsLetterOrDigit(slug[0]) && slug.All(IsAllowed);
}
