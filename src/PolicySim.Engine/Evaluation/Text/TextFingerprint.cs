using System;
using System.Security.Cryptography;
using System.Text;

namespace PolicySim.Evaluation.Text
{
    /// <summary>Lowercase hex SHA-256 of a text's UTF-8 bytes, the detectors' <c>fingerprint</c>.</summary>
    internal static class TextFingerprint
    {
        /// <summary>Computes the fingerprint of <paramref name="text"/>.</summary>
        /// <param name="text">The full text (not the truncated prefix).</param>
        /// <returns>64 lowercase hex digits.</returns>
        internal static string Sha256Hex(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text)));
#if NET8_0_OR_GREATER
            byte[] hash = SHA256.HashData(bytes);
            return Convert.ToHexString(hash).ToLowerInvariant();
#else
            byte[] hash;
            using (SHA256 sha = SHA256.Create())
            {
                hash = sha.ComputeHash(bytes);
            }

            const string Digits = "0123456789abcdef";
            var chars = new char[hash.Length * 2];
            for (int i = 0; i < hash.Length; i++)
            {
                chars[2 * i] = Digits[hash[i] >> 4];
                chars[(2 * i) + 1] = Digits[hash[i] & 0xF];
            }

            return new string(chars);
#endif
        }
    }
}
