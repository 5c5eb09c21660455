// TRUST_PROXY and the client's address behind proxies (src/server/http/client-address.ts): the
// right-most entry our proxies did not add is the client, whatever a client writes to the left of
// it; X-Forwarded-Proto/-Host count only from a trusted peer, as the nearest proxy set them.
import { describe, expect, it } from 'vitest';
import {
  type TrustProxy,
  clientAddress,
  nearestForwarded,
  normaliseAddress,
  parseTrustProxy,
  peerIsTrustedProxy,
} from '../../src/server/http/client-address';

const OFF: TrustProxy = { mode: 'off' };
const ONE_HOP: TrustProxy = { mode: 'hops', hops: 1 };
const TWO_HOPS: TrustProxy = { mode: 'hops', hops: 2 };
const LISTED: TrustProxy = { mode: 'addresses', proxies: ['10.0.0.0/8', '192.0.2.7', 'fd00::/8'] };

describe('parseTrustProxy', () => {
  it.each([
    [undefined, OFF],
    ['', OFF],
    ['off', OFF],
    [' OFF ', OFF],
    ['0', OFF],
    ['false', OFF],
    ['no', OFF],
    // "on" from before hops existed keeps meaning one proxy in front.
    ['on', ONE_HOP],
    ['true', ONE_HOP],
    ['yes', ONE_HOP],
    ['1', ONE_HOP],
    ['2', TWO_HOPS],
    ['10.0.0.0/8, 192.0.2.7,fd00::/8', LISTED],
    ['::ffff:192.0.2.7', { mode: 'addresses', proxies: ['::ffff:192.0.2.7'] }],
  ])('reads %o', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });

  it.each([
    ['21', /between 0 and 20, got 21/],
    ['proxy.example.org', /"proxy.example.org" is not an IP address or CIDR range/],
    ['10.0.0.0/33', /"10.0.0.0\/33" has a prefix length outside 0 to 32/],
    ['fd00::/129', /outside 0 to 128/],
    ['10.0.0.1/8/8', /not an IP address/],
    ['10.0.0.0/x', /prefix length/],
    ['10.0.0.1, maybe', /"maybe" is not an IP address/],
  ])('refuses %o with a sentence naming it', (raw, message) => {
    const parsed = parseTrustProxy(raw);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(message);
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9:51234 ', '203.0.113.9'], // IIS ARR appends the client's port
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['unknown', 'unknown'],
  ])('%o → %o', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});

describe('clientAddress', () => {
  it('with no proxy trusted, is the socket peer whatever the header says', () => {
    expect(clientAddress(OFF, '198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
    expect(clientAddress(OFF, '::ffff:198.51.100.4', undefined)).toBe('198.51.100.4');
    expect(clientAddress(OFF, undefined, '203.0.113.9')).toBe('unknown');
  });

  it('behind one hop, is the entry the proxy appended, not what the client wrote before it', () => {
    expect(clientAddress(ONE_HOP, '10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(ONE_HOP, '10.0.0.2', '1.1.1.1, 2.2.2.2, 203.0.113.9')).toBe('203.0.113.9');
    // Several header copies arrive joined with ", "; empty entries are skipped.
    expect(clientAddress(ONE_HOP, '10.0.0.2', '1.1.1.1,, 203.0.113.9:5000 ,')).toBe('203.0.113.9');
  });

  it('counts hops from the socket peer, and takes the left-most entry when the chain is shorter', () => {
    expect(clientAddress(TWO_HOPS, '10.0.0.2', 'spoofed, 203.0.113.9, 10.0.0.1')).toBe('203.0.113.9');
    expect(clientAddress(TWO_HOPS, '10.0.0.2', '10.0.0.1')).toBe('10.0.0.1');
    expect(clientAddress(ONE_HOP, '10.0.0.2', undefined)).toBe('10.0.0.2');
    expect(clientAddress(ONE_HOP, '10.0.0.2', ' , ')).toBe('10.0.0.2');
  });

  it('without a socket (app.request), counts the missing peer as the first hop', () => {
    expect(clientAddress(ONE_HOP, undefined, 'spoofed, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('with listed proxies, steps over every listed address from the right and stops at the first other', () => {
    expect(clientAddress(LISTED, '10.1.2.3', 'spoofed, 203.0.113.9, 192.0.2.7, 10.9.9.9')).toBe('203.0.113.9');
    expect(clientAddress(LISTED, '::ffff:10.1.2.3', '2001:db8::5, fd12::1')).toBe('2001:db8::5');
    // A client that writes a proxy's address to the left of its own gains nothing.
    expect(clientAddress(LISTED, '10.1.2.3', '10.0.0.5, 203.0.113.9')).toBe('203.0.113.9');
    // Every entry a proxy: the left-most, as far as the chain goes.
    expect(clientAddress(LISTED, '10.1.2.3', '10.0.0.5')).toBe('10.0.0.5');
  });

  it('with listed proxies, ignores the header from a peer that is not one of them', () => {
    expect(clientAddress(LISTED, '198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
    expect(clientAddress(LISTED, undefined, '203.0.113.9')).toBe('unknown');
  });

  it('gives one address for any rotation of what the client writes, behind one hop', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const spoofed = Array.from({ length: i % 4 }, (_, j) => `192.0.2.${(i * 7 + j) % 256}`).join(', ');
      seen.add(clientAddress(ONE_HOP, '10.0.0.2', spoofed === '' ? '203.0.113.9' : `${spoofed}, 203.0.113.9`));
    }
    expect([...seen]).toEqual(['203.0.113.9']);
  });
});

describe('peerIsTrustedProxy and nearestForwarded', () => {
  it('believes forwarded headers only from a trusted peer', () => {
    expect(peerIsTrustedProxy(OFF, '10.0.0.2')).toBe(false);
    expect(peerIsTrustedProxy(ONE_HOP, undefined)).toBe(true);
    expect(peerIsTrustedProxy({ mode: 'hops', hops: 0 }, '10.0.0.2')).toBe(false);
    expect(peerIsTrustedProxy(LISTED, '10.200.0.1')).toBe(true);
    expect(peerIsTrustedProxy(LISTED, '::ffff:192.0.2.7')).toBe(true);
    expect(peerIsTrustedProxy(LISTED, '192.0.2.8')).toBe(false);
    expect(peerIsTrustedProxy(LISTED, undefined)).toBe(false);
  });

  it('takes the value the nearest proxy set: the right-most', () => {
    expect(nearestForwarded('http, https')).toBe('https');
    expect(nearestForwarded('https,http')).toBe('http');
    expect(nearestForwarded(' qa.example.gov.uk ')).toBe('qa.example.gov.uk');
    expect(nearestForwarded('a, ,')).toBe('a');
    expect(nearestForwarded(undefined)).toBeUndefined();
    expect(nearestForwarded('')).toBeUndefined();
  });
});
