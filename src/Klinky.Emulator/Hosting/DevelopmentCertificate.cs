using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Klinky.Emulator.Hosting;

/// <summary>
/// A self-signed certificate for <c>https://</c> URLs, made at start-up for 127.0.0.1, ::1 and localhost, so clients that refuse
/// plain http (Kiota's API-key provider) can call the emulator. Its public part is written to a PEM file for clients to trust;
/// the private key never leaves the process. The file is removed when the emulator stops.
/// </summary>
internal sealed class DevelopmentCertificate : IDisposable
{
    private DevelopmentCertificate(X509Certificate2 certificate, string pemPath)
    {
        Certificate = certificate;
        PemPath = pemPath;
    }

    public X509Certificate2 Certificate { get; }

    public string PemPath { get; }

    public string Sha256Fingerprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public static bool IsNeededFor(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    public static DevelopmentCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=klinky-emulator", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));

        // Round-tripped through PKCS#12 so the key is usable by the TLS stack on every OS, not only the ephemeral one.
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
        var pemPath = Path.Combine(Path.GetTempPath(), $"klinky-emulator-{Environment.ProcessId}.crt");
        File.WriteAllText(pemPath, certificate.ExportCertificatePem());
        return new DevelopmentCertificate(certificate, pemPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(PemPath);
        }
        catch (IOException)
        {
            // A leftover public certificate is harmless.
        }

        Certificate.Dispose();
    }
}
