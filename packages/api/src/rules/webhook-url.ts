/**
 * Which URLs a webhook may be sent to, judged without the network: http: or https: only, no user name
 * or password in it, a host; and which addresses are not the public internet (loopback, private,
 * link-local, shared/CGNAT, unspecified, multicast, broadcast and the other special-purpose ranges, in
 * IPv4 and IPv6, and an IPv6 address that carries an IPv4 one), so an admin cannot point the server at
 * its own network. services/webhook-address.ts resolves a name and judges every address it gets.
 *
 * Addresses are read the way resolvers and the WHATWG URL parser read them, so no spelling slips by:
 * IPv4 in one to four parts, each decimal, octal (leading 0) or hex (0x): `127.1`, `0x7f.1`, `2130706433`
 * and `017700000001` are all 127.0.0.1; IPv6 in any compression, with a dotted IPv4 tail, a zone
 * (`fe80::1%eth0`) or brackets.
 */

/** Why a URL is refused: each is the issue code the admin API reports on `url`. */
export type WebhookUrlRefusal =
  | 'webhook_url_invalid'
  | 'webhook_url_scheme'
  | 'webhook_url_userinfo'
  | 'webhook_url_host'
  | 'webhook_url_private'
  | 'webhook_url_unresolved';

export const WEBHOOK_URL_REFUSAL_MESSAGES: Readonly<Record<WebhookUrlRefusal, string>> = {
  webhook_url_invalid: 'The webhook URL is not a valid absolute URL',
  webhook_url_scheme: 'A webhook URL must use http: or https:',
  webhook_url_userinfo: 'A webhook URL must not contain a user name or password',
  webhook_url_host: 'A webhook URL must name a host',
  webhook_url_private: 'A webhook URL must not point to a loopback, private or otherwise non-public address',
  webhook_url_unresolved: "The webhook URL's host name does not resolve",
};

export type ParsedWebhookUrl =
  | {
      ok: true;
      url: URL;
      /** The host to resolve or judge: without brackets or a trailing dot. */
      host: string;
      /** The host is an address itself (no lookup needed). */
      literal: 'ipv4' | 'ipv6' | null;
    }
  | { ok: false; why: WebhookUrlRefusal };

/** Parses a webhook URL and judges its form (not its address: see judgeWebhookUrl). */
export function parseWebhookUrl(raw: string): ParsedWebhookUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, why: 'webhook_url_invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, why: 'webhook_url_scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, why: 'webhook_url_userinfo' };
  let host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) {
    return { ok: true, url, host: host.slice(1, -1), literal: 'ipv6' };
  }
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return { ok: false, why: 'webhook_url_host' };
  return { ok: true, url, host, literal: parseIPv4(host) === null ? null : 'ipv4' };
}

/**
 * The URL judged without the network: its form, and its host when that is an address or a localhost
 * name. A name that needs resolving comes back `ok` with `needsLookup`.
 */
export function judgeWebhookUrl(
  raw: string,
  opts: { allowPrivate: boolean },
): { ok: true; url: URL; host: string; needsLookup: boolean } | { ok: false; why: WebhookUrlRefusal } {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const { url, host, literal } = parsed;
  if (!opts.allowPrivate && isPrivateAddress(host)) return { ok: false, why: 'webhook_url_private' };
  return { ok: true, url, host, needsLookup: literal === null && !isLocalhostName(host) };
}

/** `localhost`, any name under `.localhost` (RFC 6761), with or without the trailing dot, in any case. */
export function isLocalhostName(name: string): boolean {
  const n = name.toLowerCase().replace(/\.+$/, '');
  return n === 'localhost' || n.endsWith('.localhost') || n === 'localhost.localdomain';
}

/**
 * True for an address that is not the public internet, or a localhost name. A string that is neither
 * an address nor a localhost name is false (a name is judged by what it resolves to).
 */
export function isPrivateAddress(ip: string): boolean {
  let s = ip.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (isLocalhostName(s)) return true;
  const v4 = parseIPv4(s.replace(/\.$/, ''));
  if (v4 !== null) return isPrivateIPv4(v4);
  const v6 = parseIPv6(s);
  if (v6 !== null) return isPrivateIPv6(v6);
  return false;
}

/** IPv4 ranges that are not the public internet (RFC 6890's special-purpose registry and RFC 1918). */
const PRIVATE_IPV4: readonly (readonly [number, number])[] = [
  cidr4('0.0.0.0', 8), // "this network", 0.0.0.0
  cidr4('10.0.0.0', 8), // private
  cidr4('100.64.0.0', 10), // shared address space (CGNAT)
  cidr4('127.0.0.0', 8), // loopback
  cidr4('169.254.0.0', 16), // link-local (cloud metadata lives here)
  cidr4('172.16.0.0', 12), // private
  cidr4('192.0.0.0', 24), // IETF protocol assignments
  cidr4('192.0.2.0', 24), // documentation
  cidr4('192.88.99.0', 24), // 6to4 relay anycast
  cidr4('192.168.0.0', 16), // private
  cidr4('198.18.0.0', 15), // benchmarking
  cidr4('198.51.100.0', 24), // documentation
  cidr4('203.0.113.0', 24), // documentation
  cidr4('224.0.0.0', 4), // multicast
  cidr4('240.0.0.0', 4), // reserved, and 255.255.255.255 broadcast
];

function cidr4(address: string, bits: number): readonly [number, number] {
  const base = parseIPv4(address)!;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [base & mask, mask] as const;
}

function isPrivateIPv4(address: number): boolean {
  return PRIVATE_IPV4.some(([base, mask]) => (address & mask) >>> 0 === base >>> 0);
}

/**
 * An IPv4 address as resolvers read it (inet_aton, and the WHATWG URL parser): one to four parts,
 * each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes. Null if not one.
 */
export function parseIPv4(s: string): number | null {
  if (s === '') return null;
  const parts = s.split('.');
  if (parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number.parseInt(part, 10);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return null;
  if (last >= 256 ** (4 - values.length)) return null;
  let address = 0;
  for (const [i, v] of values.entries()) address += v * 256 ** (3 - i);
  return (address + last) >>> 0;
}

/** An IPv6 address as its eight 16-bit groups (a zone after % ignored), or null. */
export function parseIPv6(input: string): number[] | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s)) return null;
  const lastColon = s.lastIndexOf(':');
  const after = s.slice(lastColon + 1);
  if (after.includes('.')) {
    // A dotted IPv4 tail is the last two groups: rewritten as hex, then read as any other address.
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(after)) return null;
    const octets = after.split('.').map(Number) as [number, number, number, number];
    if (octets.some((o) => o > 255)) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hex(octets[0], octets[1])}:${hex(octets[2], octets[3])}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const readGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const head = readGroups(halves[0]!);
  if (head === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const rest = readGroups(halves[1]!);
  if (rest === null) return null;
  const known = head.length + rest.length;
  if (known > 7) return null;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest];
}

function embeddedIPv4(g: readonly number[], from: number): number {
  return ((g[from]! << 16) | g[from + 1]!) >>> 0;
}

function isPrivateIPv6(g: readonly number[]): boolean {
  const [g0, g1, g2, g3, g4, g5] = g as [number, number, number, number, number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::/96 (unspecified ::, loopback ::1, and the IPv4-compatible ::a.b.c.d): judged as IPv4, where 0.0.0.0/8 covers :: and ::1.
  if (zeroTo(6)) return isPrivateIPv4(embeddedIPv4(g, 6));
  // ::ffff:0:0/96, IPv4-mapped.
  if (zeroTo(5) && g5 === 0xffff) return isPrivateIPv4(embeddedIPv4(g, 6));
  // ::ffff:0:0:0/96, IPv4-translated (RFC 2765).
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return isPrivateIPv4(embeddedIPv4(g, 6));
  // 64:ff9b::/96 (NAT64, RFC 6052) and 64:ff9b:1::/48 (local-use NAT64): the IPv4 address inside.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPrivateIPv4(embeddedIPv4(g, 6));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true;
  // 2002::/16 (6to4): the IPv4 address in groups 1-2.
  if (g0 === 0x2002) return isPrivateIPv4(embeddedIPv4(g, 1));
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // 100::/64 discard-only
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // 2001:db8::/32 documentation
  if (g0 === 0x2001 && g1 < 0x0200) return true; // 2001::/23 IETF protocol assignments (Teredo, ORCHID, ...)
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  return false;
}
