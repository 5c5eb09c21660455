// Who is on the other end of a request behind reverse proxies (TRUST_PROXY). Pure: the socket's
// peer address and the X-Forwarded-* header values go in, an address or a yes/no comes out, so the
// rules are unit-tested without a server (test/unit/client-address.test.ts).
//
// X-Forwarded-For is a list every proxy appends to: "what the client wrote, …, what proxy 1 saw,
// what proxy 2 saw", and the socket's peer is the last proxy. Everything left of the first proxy
// we trust is whatever the client chose to send, so the client is found by walking from the right
// (from the socket's peer), stepping over our own proxies, and taking the first address they did
// not vouch for. Reading the left-most entry instead lets a client pick its own address, and with it
// a fresh sign-in allowance per guess (issue 14).
import { BlockList, isIP } from 'node:net';

/**
 * TRUST_PROXY, parsed: no proxy (headers ignored), a number of proxy hops in front of the server
 * (the socket's peer is hop 1), or the proxies' own addresses and ranges.
 */
export type TrustProxy =
  | { readonly mode: 'off' }
  | { readonly mode: 'hops'; readonly hops: number }
  | { readonly mode: 'addresses'; readonly proxies: readonly string[] };

export const TRUST_NO_PROXY: TrustProxy = { mode: 'off' };
const MAX_HOPS = 20;

/** An address as compared and counted: no port, no brackets, IPv4 for an IPv4-mapped IPv6 address, lower case. */
export function normaliseAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value); // "[2001:db8::1]:443"
  if (bracketed) value = bracketed[1] ?? value;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':')); // IIS ARR adds ":port"
  value = value.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  return mapped?.[1] ?? value;
}

/** One proxy address or CIDR range as written in TRUST_PROXY, or an error naming it. */
function parseRange(entry: string): { address: string; prefix: number | null; family: 4 | 6 } | string {
  const [rawAddress = '', rawPrefix, extra] = entry.split('/');
  const address = normaliseAddress(rawAddress);
  const kind = isIP(address);
  if (kind === 0 || extra !== undefined) return `"${entry}" is not an IP address or CIDR range`;
  const family = kind === 4 ? 4 : 6;
  if (rawPrefix === undefined) return { address, prefix: null, family };
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > max)
    return `"${entry}" has a prefix length outside 0 to ${max}`;
  return { address, prefix: Number(rawPrefix), family };
}

/**
 * Reads TRUST_PROXY: "off" (or empty, 0, false, no); a whole number of hops; "on" (or true, yes),
 * kept from before hops existed and meaning 1 hop; or a comma list of the proxies' addresses and
 * CIDR ranges, e.g. "10.0.0.0/8, 2001:db8::/32". Returns an error sentence for anything else.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | string {
  const value = (raw ?? '').trim().toLowerCase();
  if (['', 'off', 'false', 'no', '0'].includes(value)) return TRUST_NO_PROXY;
  if (['on', 'true', 'yes'].includes(value)) return { mode: 'hops', hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) return `a number of proxy hops must be between 0 and ${MAX_HOPS}, got ${hops}`;
    return { mode: 'hops', hops };
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    const range = parseRange(entry);
    if (typeof range === 'string')
      return `${range}; expected off, a number of proxy hops, or a comma list of proxy addresses`;
  }
  return { mode: 'addresses', proxies: entries };
}

const lists = new WeakMap<TrustProxy, BlockList>();

/** The proxies of an address list, built once per configuration. */
function proxyList(trust: Extract<TrustProxy, { mode: 'addresses' }>): BlockList {
  let list = lists.get(trust);
  if (list !== undefined) return list;
  list = new BlockList();
  for (const entry of trust.proxies) {
    const range = parseRange(entry);
    if (typeof range === 'string') throw new Error(`TRUST_PROXY: ${range}`);
    const type = range.family === 4 ? 'ipv4' : 'ipv6';
    if (range.prefix === null) list.addAddress(range.address, type);
    else list.addSubnet(range.address, range.prefix, type);
  }
  lists.set(trust, list);
  return list;
}

function isListedProxy(trust: Extract<TrustProxy, { mode: 'addresses' }>, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxyList(trust).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The entries of a comma-separated header (several copies of a header arrive joined by ", "). */
function entries(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/**
 * The client's address: the socket's peer when no proxy is trusted; otherwise the right-most
 * X-Forwarded-For entry our proxies did not add — past `hops` entries counted from the socket's
 * peer, or past every entry that is one of the listed proxies. When the chain is shorter than that
 * (the request did not pass every proxy), its left-most entry. `peer` is undefined where there is
 * no socket (app.request in tests): it then counts as one hop, and as no listed proxy.
 */
export function clientAddress(trust: TrustProxy, peer: string | undefined, forwardedFor: string | undefined): string {
  const socket = peer === undefined || peer === '' ? 'unknown' : normaliseAddress(peer);
  if (trust.mode === 'off') return socket;
  const chain = [...entries(forwardedFor).map(normaliseAddress), socket];
  let at = chain.length - 1;
  if (trust.mode === 'hops') at = Math.max(0, at - trust.hops);
  else while (at > 0 && isListedProxy(trust, chain[at] ?? '')) at -= 1;
  return chain[at] ?? socket;
}

/**
 * Whether the socket's peer is one of our proxies, so that the X-Forwarded-Proto and -Host it
 * passes on may be believed: with hops, always (the peer cannot be checked, only counted); with a
 * list, when the peer is on it.
 */
export function peerIsTrustedProxy(trust: TrustProxy, peer: string | undefined): boolean {
  if (trust.mode === 'off') return false;
  if (trust.mode === 'hops') return trust.hops > 0;
  return peer !== undefined && isListedProxy(trust, normaliseAddress(peer));
}

/**
 * The value the nearest proxy set in a header such as X-Forwarded-Proto: the right-most entry. A
 * proxy that appends puts its value last; one that overwrites leaves only its own.
 */
export function nearestForwarded(header: string | undefined): string | undefined {
  return entries(header).at(-1);
}
