using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Hosting;

public sealed class DevelopmentCertificateTests
{
    [Fact]
    public async Task HttpsUrl_ServesWithTheGeneratedCertificate_AndRemovesItsPemOnStop()
    {
        var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Https = true });
        string pem;
        try
        {
            pem = emulator.CertificatePath ?? throw new InvalidOperationException("No certificate line: " + emulator.Output);
            var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(pem));
            var expected = trusted.GetCertHashString(HashAlgorithmName.SHA256);
            using var pinned = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 c && c.GetCertHashString(HashAlgorithmName.SHA256) == expected },
            });
            using var untrusting = new HttpClient();

            using var response = await pinned.GetAsync(emulator.BaseUrl + "/openapi.json");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(IPAddress.Loopback, trusted.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses());
            Assert.Contains(expected, emulator.Output, StringComparison.Ordinal);
            await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(emulator.BaseUrl + "/openapi.json"));
        }
        finally
        {
            await emulator.StopAsync();
            await emulator.DisposeAsync();
        }

        Assert.False(File.Exists(pem), $"{pem} was left behind");
    }
}
