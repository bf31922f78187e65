using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace SoftTargets.Web.Hosting;

/// <summary>The configured AES-256 key that encrypts data-protection keys at rest.</summary>
public sealed class KeyCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    private KeyCipher(byte[] key)
    {
        _key = key;
        // Names the key without revealing it, so a key ring written under another key is reported as such.
        KeyId = Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 8)).ToLowerInvariant();
    }

    public string KeyId { get; }

    public static KeyCipher FromBase64(string value)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("DataProtection__Key is not valid base64; generate one with `openssl rand -base64 32`.");
        }
        return key.Length == 32
            ? new KeyCipher(key)
            : throw new InvalidOperationException($"DataProtection__Key must be 32 bytes (AES-256), not {key.Length}; generate one with `openssl rand -base64 32`.");
    }

    public byte[] Encrypt(byte[] plaintext, byte[] associatedData)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associatedData);
        return output;
    }

    public byte[] Decrypt(byte[] encrypted, byte[] associatedData)
    {
        if (encrypted.Length < NonceSize + TagSize) throw new CryptographicException("The encrypted data-protection key is truncated.");
        var plaintext = new byte[encrypted.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(encrypted.AsSpan(0, NonceSize), encrypted.AsSpan(NonceSize + TagSize), encrypted.AsSpan(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}

/// <summary>Encrypts each data-protection key's XML with AES-256-GCM under the configured key.</summary>
public sealed class AesGcmXmlEncryptor(KeyCipher cipher) : IXmlEncryptor
{
    internal static readonly XName Root = "aesGcmEncryptedKey";
    internal static readonly byte[] AssociatedData = "SoftTargets.DataProtection.v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(Root,
            new XAttribute("keyId", cipher.KeyId),
            new XComment(" Encrypted with DataProtection__Key (AES-256-GCM). "),
            new XElement("value", Convert.ToBase64String(cipher.Encrypt(plaintext, AssociatedData))));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Created by data protection through its activator, which hands it the app's services.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var cipher = services.GetService<KeyCipher>()
            ?? throw new InvalidOperationException("A data-protection key is encrypted with DataProtection__Key, which is not set.");
        var keyId = (string?)encryptedElement.Attribute("keyId");
        if (keyId != cipher.KeyId)
            throw new InvalidOperationException($"A data-protection key was encrypted with another DataProtection__Key (id {keyId}, configured {cipher.KeyId}).");
        var encrypted = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plaintext = cipher.Decrypt(encrypted, AesGcmXmlEncryptor.AssociatedData);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}
