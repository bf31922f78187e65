using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using SoftTargets.Core.Data;

namespace SoftTargets.Web.Hosting;

public static class DataProtectionExtensions
{
    public const string KeySetting = "DataProtection:Key";
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>
    /// Keys live in the database, so that every web node reads the same cookies, and are encrypted there
    /// with a configured AES key or certificate. Production refuses to start without one: a database dump
    /// would otherwise hand out every cookie's key.
    /// </summary>
    public static void AddDataProtectionKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("SoftTargets")
            .PersistKeysToDbContext<SoftTargetsDbContext>();

        var key = configuration[KeySetting];
        var certificatePath = configuration[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(key))
        {
            var cipher = KeyCipher.FromBase64(key);
            services.AddSingleton(cipher);
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new AesGcmXmlEncryptor(cipher));
        }
        else if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = LoadCertificate(certificatePath, configuration[CertificatePasswordSetting]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Data-protection keys must be encrypted at rest in Production. Set DataProtection__Key to a base64 " +
                "AES key of 32 bytes (for example the output of `openssl rand -base64 32`), or DataProtection__CertificatePath " +
                "to a PFX file with DataProtection__CertificatePassword. Keep the same value on every web node.");
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"DataProtection__CertificatePath names a file that does not exist: {path}");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate in {path} has no private key; data-protection keys need one to be read back.");
    }
}
