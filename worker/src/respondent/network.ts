import ipaddr from "ipaddr.js";

/**
 * The network a respondent answers from, in one canonical text form: an IPv4 address as such
 * (also when it arrives IPv4-mapped, `::ffff:192.0.2.1`), an IPv6 address as its /64 prefix
 * (`2001:db8:1:2::/64`). One IPv6 host commonly holds a whole /64 and can rotate through it, so
 * the rate limit and the same-network flag count per /64, not per address. Anything unreadable
 * is one shared "unknown" network (Cloudflare always sends a valid address).
 */
export function networkOf(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address.trim())) return "unknown";
  const parsed = ipaddr.process(address.trim());
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
