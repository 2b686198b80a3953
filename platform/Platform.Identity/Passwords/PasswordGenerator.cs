using System.Security.Cryptography;

namespace Platform.Identity.Passwords;

/// <summary>Strong random passwords for generated administrator accounts.</summary>
public static class PasswordGenerator
{
    // No look-alike characters (0/O, 1/l/I), so a password read off a console can be typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>24 characters from a 57-letter alphabet: about 140 bits of entropy.</summary>
    public static string Generate(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);
}
