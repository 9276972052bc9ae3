using System.Security.Cryptography;
using System.Text;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// Ids for HSDS rows that the module keeps without an id of their own (a language of an offer, an offer at a place, a
/// place's address): name-based UUIDs (RFC 9562 version 5) of the owning record's id and what the row is, so the same
/// row has the same id in every answer and export, and nothing needs storing.
/// </summary>
internal static class HsdsIds
{
    /// <summary>The namespace of these names: the version 5 UUID of <c>urn:integrationsplattform:gesundheit:hsds</c> in the URL namespace.</summary>
    private static readonly Guid Namespace = new("c2bdabda-fcf2-5d5a-9655-0e4f915b3d34");

    public static string Derived(string ownerId, string kind, string key = "")
    {
        var name = Encoding.UTF8.GetBytes($"{ownerId}/{kind}/{key}");
        var input = Namespace.ToByteArray(bigEndian: true).Concat(name).ToArray();
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; the id only has to be stable, no security rests on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
