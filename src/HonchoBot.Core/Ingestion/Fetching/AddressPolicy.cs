using System.Net;
using System.Net.Sockets;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>
/// Which IP addresses a person-supplied URL may reach (docs/architecture.md, "A source's path"): only
/// globally routable unicast. Refused: unspecified, loopback, RFC 1918 private, carrier-grade NAT
/// (RFC 6598), link-local (the 169.254.169.254 cloud metadata service lives there), IETF, benchmarking
/// and documentation ranges, multicast, reserved and broadcast (RFC 6890); for IPv6 unspecified,
/// loopback, unique-local fc00::/7, link-local fe80::/10, site-local, multicast, documentation,
/// discard and Teredo, and any IPv4 address embedded in IPv6 (mapped, compatible, NAT64, 6to4) is
/// judged as that IPv4 address.
/// </summary>
public static class AddressPolicy
{
    private static readonly (uint Network, int Prefix)[] BlockedV4 =
    [
        (0x00000000, 8),   // 0.0.0.0/8 "this network", unspecified
        (0x0A000000, 8),   // 10.0.0.0/8 private
        (0x64400000, 10),  // 100.64.0.0/10 carrier-grade NAT
        (0x7F000000, 8),   // 127.0.0.0/8 loopback
        (0xA9FE0000, 16),  // 169.254.0.0/16 link-local, cloud metadata
        (0xAC100000, 12),  // 172.16.0.0/12 private
        (0xC0000000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xC0000200, 24),  // 192.0.2.0/24 TEST-NET-1
        (0xC0586300, 24),  // 192.88.99.0/24 6to4 relay anycast
        (0xC0A80000, 16),  // 192.168.0.0/16 private
        (0xC6120000, 15),  // 198.18.0.0/15 benchmarking
        (0xC6336400, 24),  // 198.51.100.0/24 TEST-NET-2
        (0xCB007100, 24),  // 203.0.113.0/24 TEST-NET-3
        (0xE0000000, 4),   // 224.0.0.0/4 multicast
        (0xF0000000, 4),   // 240.0.0.0/4 reserved, 255.255.255.255 broadcast
    ];

    /// <summary>True when <paramref name="address"/> is a public unicast address a fetch may connect to.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublicV4(address.MapToIPv4());
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);

        // ::/96 covers :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible form.
        if (b[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }

        if ((b[0] & 0xFE) == 0xFC // fc00::/7 unique local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) // fe80::/10 link-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) // fec0::/10 site-local (deprecated)
            || b[0] == 0xFF // ff00::/8 multicast
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // 2001::/32 Teredo
            || (b[0] == 0x01 && b[1] == 0x00 && b[2..8].IndexOfAnyExcept((byte)0) < 0)) // 100::/64 discard
        {
            return false;
        }

        // 64:ff9b::/96 NAT64 carries an IPv4 address in its last 32 bits.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(new IPAddress(b[12..16]));
        }

        // 2002::/16 6to4 carries an IPv4 address in bits 16–47.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(new IPAddress(b[2..6]));
        }

        return true;
    }

    private static bool IsPublicV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        var value = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        foreach (var (network, prefix) in BlockedV4)
        {
            var mask = uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }
}
