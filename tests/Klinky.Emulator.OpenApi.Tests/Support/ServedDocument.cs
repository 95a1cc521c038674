using Klinky.Testing;

namespace Klinky.Emulator.OpenApi.Tests.Support;

/// <summary>Saves the document a started emulator serves at <c>/api/v1/openapi.json</c> into a folder, as a user would download it.</summary>
public static class ServedDocument
{
    public static async Task<string> SaveAsync(EmulatorProcess emulator, string folder)
    {
        using var client = new HttpClient();
        var json = await client.GetStringAsync(emulator.BaseUrl + "/openapi.json");
        var path = Path.Combine(folder, "openapi.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
